using System.Buffers.Binary;

namespace Controller.Hardware.Protocols.Modbus;

/// <summary>
/// CRC-16/MODBUS (Modbus over Serial Line V1.02, §6.2.2): polynomial 0x8005 reflected (0xA001), initial value 0xFFFF,
/// no final XOR; appended low byte first. Robotiq's FT 300 stream frames use the same CRC.
/// </summary>
public static class ModbusCrc
{
    private static readonly ushort[] Table = BuildTable();

    /// <summary>The CRC of <paramref name="data"/>.</summary>
    public static ushort Compute(ReadOnlySpan<byte> data)
    {
        ushort crc = 0xFFFF;
        foreach (byte b in data) crc = (ushort)((crc >> 8) ^ Table[(crc ^ b) & 0xFF]);
        return crc;
    }

    /// <summary>Writes the CRC of <paramref name="frame"/>[..<paramref name="length"/>] after it (low byte first); returns length + 2.</summary>
    public static int Append(Span<byte> frame, int length)
    {
        BinaryPrimitives.WriteUInt16LittleEndian(frame.Slice(length, 2), Compute(frame[..length]));
        return length + 2;
    }

    /// <summary>True when the last two bytes of <paramref name="frame"/> are the CRC (low byte first) of the bytes before them.</summary>
    public static bool IsValid(ReadOnlySpan<byte> frame) =>
        frame.Length >= 3 && BinaryPrimitives.ReadUInt16LittleEndian(frame[^2..]) == Compute(frame[..^2]);

    private static ushort[] BuildTable()
    {
        var table = new ushort[256];
        for (int i = 0; i < 256; i++)
        {
            ushort crc = (ushort)i;
            for (int bit = 0; bit < 8; bit++) crc = (crc & 1) != 0 ? (ushort)((crc >> 1) ^ 0xA001) : (ushort)(crc >> 1);
            table[i] = crc;
        }
        return table;
    }
}
