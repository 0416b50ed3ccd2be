namespace Controller.Hardware.Protocols.EtherCat.Sii;

/// <summary>One 8-byte mapped object of a PDO description.</summary>
/// <param name="Index">Object index (0 for a gap).</param>
/// <param name="SubIndex">Object subindex.</param>
/// <param name="Name">Name from the string table; empty when the index is 0.</param>
/// <param name="DataType">CoE data type code (1 BOOL, 5 USINT, 6 UINT, 7 UDINT, ...).</param>
/// <param name="BitLength">Size in bits.</param>
/// <param name="Flags">Flags word.</param>
public sealed record SiiPdoEntry(ushort Index, byte SubIndex, string Name, byte DataType, byte BitLength, ushort Flags);
