namespace Controller.Hardware.Protocols.EtherCat.Sii;

/// <summary>A category as found in the image: its type, where its data starts and the data (kept for categories not decoded).</summary>
/// <param name="Type">The category type word.</param>
/// <param name="DataOffset">Byte offset of the category's data (after its 4-byte header).</param>
/// <param name="Data">The category's data bytes.</param>
public sealed record SiiCategory(ushort Type, int DataOffset, byte[] Data);
