namespace Controller.Hardware.Devices.EtherCat;

/// <summary>
/// One object mapped into a PDO, as a CoE mapping object (0x16xx/0x1Axx) stores it in a UNSIGNED32:
/// index in bits 31..16, subindex in bits 15..8, length in bits in bits 7..0 (ETG.1000.6 §5.6.7.4.7, CiA 301 §7.4.8.1).
/// An index of 0 is a gap of <see cref="BitLength"/> bits.
/// </summary>
/// <param name="Index">Object index (0 for a gap).</param>
/// <param name="SubIndex">Subindex.</param>
/// <param name="BitLength">Bits, 1..255.</param>
public readonly record struct PdoEntryMapping(ushort Index, byte SubIndex, byte BitLength)
{
    /// <summary>The UNSIGNED32 a mapping object's subindex holds.</summary>
    public uint ToMappingValue() => (uint)Index << 16 | (uint)SubIndex << 8 | BitLength;

    /// <summary>Decodes a mapping object's UNSIGNED32.</summary>
    public static PdoEntryMapping FromMappingValue(uint value) => new((ushort)(value >> 16), (byte)(value >> 8), (byte)value);
}
