namespace Controller.Hardware.Protocols.Dynamixel;

/// <summary>
/// The Protocol 2.0 packet CRC: CRC-16 with polynomial 0x8005 (x¹⁶ + x¹⁵ + x² + 1), initial value 0, no bit
/// reflection, no final XOR (ROBOTIS e-Manual, "CRC Calculation"), computed over every byte from the header to the
/// last parameter as sent on the wire (after byte stuffing). Table-driven, one lookup per byte.
/// </summary>
public static class DynamixelCrc
{
    private const ushort Polynomial = 0x8005;
    private static readonly ushort[] Table = BuildTable();

    /// <summary>Continues a CRC over <paramref name="data"/> starting from <paramref name="crc"/> (0 for a new packet).</summary>
    public static ushort Update(ushort crc, ReadOnlySpan<byte> data)
    {
        var table = Table;
        foreach (byte b in data)
        {
            crc = (ushort)((crc << 8) ^ table[((crc >> 8) ^ b) & 0xFF]);
        }
        return crc;
    }

    /// <summary>CRC of <paramref name="data"/>.</summary>
    public static ushort Compute(ReadOnlySpan<byte> data) => Update(0, data);

    private static ushort[] BuildTable()
    {
        var table = new ushort[256];
        for (int i = 0; i < 256; i++)
        {
            ushort value = (ushort)(i << 8);
            for (int bit = 0; bit < 8; bit++)
            {
                value = (value & 0x8000) != 0 ? (ushort)((value << 1) ^ Polynomial) : (ushort)(value << 1);
            }
            table[i] = value;
        }
        return table;
    }
}
