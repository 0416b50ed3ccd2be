namespace Controller.Hardware.Protocols.CanOpen;

/// <summary>
/// Names of EMCY error codes: the specific CiA 402 drive codes used by servo drives (CiA 402-2 annex, the same
/// table IEC 61800-7-201 uses), then the CiA 301 generic classes (table 21) by their high byte(s). Returns static
/// strings: safe on the cycle path.
/// </summary>
public static class EmergencyErrorCodes
{
    /// <summary>The most specific name known for <paramref name="code"/>.</summary>
    public static string Describe(ushort code) => code switch
    {
        0x0000 => "error reset or no error",
        0x1000 => "generic error",
        0x2110 => "short circuit/earth leakage (input)",
        0x2220 => "continuous over-current (inside the device)",
        0x2310 => "continuous over-current (device output side)",
        0x2311 => "continuous over-current no. 1",
        0x2320 => "short circuit/earth leakage (device output side)",
        0x2330 => "earth leakage (device output side)",
        0x3110 => "mains over-voltage",
        0x3120 => "mains under-voltage",
        0x3210 => "DC link over-voltage",
        0x3220 => "DC link under-voltage",
        0x4210 => "excess temperature device",
        0x4310 => "excess temperature drive",
        0x5113 => "supply low voltage 5 V",
        0x5441 => "contact 1 (safety input)",
        0x6010 => "software reset (watchdog)",
        0x6320 => "parameter error",
        0x7121 => "motor blocked",
        0x7300 => "sensor",
        0x7305 => "incremental sensor 1 fault",
        0x7310 => "speed",
        0x7320 => "position",
        0x8110 => "CAN overrun (objects lost)",
        0x8120 => "CAN in error passive mode",
        0x8130 => "life guard error or heartbeat error",
        0x8140 => "recovered from bus off",
        0x8141 => "CAN-ID collision",
        0x8210 => "PDO not processed due to length error",
        0x8220 => "PDO length exceeded",
        0x8240 => "unexpected SYNC data length",
        0x8250 => "RPDO timeout",
        0x8611 => "following error",
        0x8612 => "reference limit",
        0xFF00 => "device specific",
        _ => ByClass(code),
    };

    private static string ByClass(ushort code) => (code >> 8) switch
    {
        0x10 => "generic error",
        0x20 or 0x21 or 0x22 or 0x23 => "current",
        0x30 or 0x31 or 0x32 or 0x33 => "voltage",
        0x40 or 0x41 or 0x42 or 0x43 => "temperature",
        0x50 or 0x51 or 0x52 or 0x53 or 0x54 or 0x55 => "device hardware",
        0x60 or 0x61 or 0x62 or 0x63 => "device software",
        0x70 or 0x71 or 0x72 or 0x73 or 0x74 or 0x75 or 0x76 or 0x77 or 0x78 or 0x79 => "additional modules",
        0x80 or 0x81 or 0x82 => "monitoring: communication",
        0x83 or 0x84 or 0x85 or 0x86 or 0x87 or 0x88 or 0x89 or 0x8A => "monitoring: protocol or control",
        0x90 => "external error",
        0xF0 => "additional functions",
        0xFF => "device specific",
        _ => "unknown error code",
    };
}
