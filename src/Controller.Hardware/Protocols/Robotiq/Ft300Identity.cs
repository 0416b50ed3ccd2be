namespace Controller.Hardware.Protocols.Robotiq;

/// <summary>
/// The FT 300's identity registers as text, laid out as Robotiq's FT-300 dev package reads them: the firmware version
/// (registers 500..502) is three letters then major.minor.build, one per byte, e.g. "FTS-1.0.3"; the serial number
/// (510..513) is three letters then a 32-bit number (bytes of 513 then 512, most significant first), e.g. "FTS-0123".
/// </summary>
public static class Ft300Identity
{
    /// <summary>Formats registers 500..502.</summary>
    public static string FormatFirmware(ReadOnlySpan<ushort> registers)
    {
        if (registers.Length < Ft300Registers.FirmwareVersionCount) return "UNKNOWN";
        return $"{Letter(registers[0] >> 8)}{Letter(registers[0] & 0xFF)}{Letter(registers[1] >> 8)}-{registers[1] & 0xFF}.{registers[2] >> 8}.{registers[2] & 0xFF}";
    }

    /// <summary>Formats registers 510..513; "UNKNOWN" when the number is 0 (as Robotiq's software shows it).</summary>
    public static string FormatSerialNumber(ReadOnlySpan<ushort> registers)
    {
        if (registers.Length < Ft300Registers.SerialNumberCount) return "UNKNOWN";
        uint number = ((uint)registers[3] << 16) | registers[2];
        if (number == 0) return "UNKNOWN";
        return $"{Letter(registers[0] >> 8)}{Letter(registers[0] & 0xFF)}{Letter(registers[1] >> 8)}-{number:D4}";
    }

    /// <summary>Registers 500..502 for a firmware "<paramref name="prefix"/>-major.minor.build" (twins, tests).</summary>
    /// <exception cref="ArgumentException">The prefix is not three ASCII characters.</exception>
    public static ushort[] FirmwareRegisters(string prefix, byte major, byte minor, byte build)
    {
        CheckPrefix(prefix);
        return [(ushort)((prefix[0] << 8) | prefix[1]), (ushort)((prefix[2] << 8) | major), (ushort)((minor << 8) | build)];
    }

    /// <summary>Registers 510..513 for a serial number "<paramref name="prefix"/>-number" (twins, tests).</summary>
    /// <exception cref="ArgumentException">The prefix is not three ASCII characters.</exception>
    public static ushort[] SerialNumberRegisters(string prefix, uint number)
    {
        CheckPrefix(prefix);
        return [(ushort)((prefix[0] << 8) | prefix[1]), (ushort)(prefix[2] << 8), (ushort)(number & 0xFFFF), (ushort)(number >> 16)];
    }

    private static char Letter(int b) => b is >= 0x20 and < 0x7F ? (char)b : '?';

    private static void CheckPrefix(string prefix)
    {
        if (prefix is null || prefix.Length != 3 || prefix.Any(c => c is < ' ' or > '~'))
            throw new ArgumentException($"an FT 300 identity prefix is three printable ASCII characters; got '{prefix}'.", nameof(prefix));
    }
}
