namespace Controller.Hardware.Protocols.CanOpen;

/// <summary>
/// One entry of a PDO mapping (objects 0x1600..0x17FF for RPDOs, 0x1A00..0x1BFF for TPDOs, sub-indices 1..8),
/// encoded as UNSIGNED32: index in bits 31..16, sub-index in 15..8, length in bits in 7..0 (CiA 301 §7.4.8).
/// </summary>
/// <param name="Index">Mapped object's index.</param>
/// <param name="SubIndex">Mapped object's sub-index.</param>
/// <param name="BitLength">Mapped length in bits (8, 16, 32 or 64 here).</param>
public readonly record struct PdoMappingEntry(ushort Index, byte SubIndex, byte BitLength)
{
    /// <summary>The UNSIGNED32 written to the mapping object.</summary>
    public uint Encode() => ((uint)Index << 16) | ((uint)SubIndex << 8) | BitLength;

    /// <summary>Reads an UNSIGNED32 mapping value.</summary>
    public static PdoMappingEntry Decode(uint value) => new((ushort)(value >> 16), (byte)(value >> 8), (byte)value);

    /// <inheritdoc />
    public override string ToString() => $"0x{Index:X4}:{SubIndex:X2}/{BitLength}";
}
