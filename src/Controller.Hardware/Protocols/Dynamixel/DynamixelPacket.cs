namespace Controller.Hardware.Protocols.Dynamixel;

/// <summary>
/// Layout constants of a Protocol 2.0 packet: <c>FF FF FD 00 | ID | LEN_L LEN_H | INST | [ERR] PARAM… | CRC_L CRC_H</c>,
/// where LEN counts the instruction, the (stuffed) parameters and the CRC (ROBOTIS e-Manual, Protocol 2.0).
/// </summary>
public static class DynamixelPacket
{
    /// <summary>First header byte.</summary>
    public const byte Header1 = 0xFF;

    /// <summary>Second header byte.</summary>
    public const byte Header2 = 0xFF;

    /// <summary>Third header byte; also the byte stuffing inserts.</summary>
    public const byte Header3 = 0xFD;

    /// <summary>Reserved byte, part of the header. Never 0xFD, which is how a header differs from a stuffed pattern.</summary>
    public const byte Reserved = 0x00;

    /// <summary>Addresses every device; read and write instructions sent to it get no status packet.</summary>
    public const byte BroadcastId = 0xFE;

    /// <summary>Highest ID a device may have (0xFD and 0xFF are never IDs, to avoid header look-alikes).</summary>
    public const byte MaxDeviceId = 0xFC;

    /// <summary>Offset of the ID byte.</summary>
    public const int IdOffset = 4;

    /// <summary>Offset of the 16-bit little-endian length.</summary>
    public const int LengthOffset = 5;

    /// <summary>Offset of the instruction byte; byte stuffing applies from here to the last parameter.</summary>
    public const int InstructionOffset = 7;

    /// <summary>Bytes before the instruction (header, reserved, ID, length).</summary>
    public const int PrefixBytes = 7;

    /// <summary>Bytes of a packet without parameters: prefix, instruction and CRC.</summary>
    public const int OverheadBytes = 10;

    /// <summary>Bytes a status packet adds to its parameters: overhead plus the error byte.</summary>
    public const int StatusOverheadBytes = 11;

    /// <summary>Largest packet this codec accepts (LEN up to 1024 + 7 bytes): more than any X-series chain sends, small enough to bound a corrupted length.</summary>
    public const int MaxPacketBytes = 1031;

    /// <summary>True for IDs a device may have (0..252).</summary>
    public static bool IsDeviceId(byte id) => id <= MaxDeviceId;
}
