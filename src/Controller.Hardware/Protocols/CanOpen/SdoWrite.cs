namespace Controller.Hardware.Protocols.CanOpen;

/// <summary>One object write of a configuration sequence (PDO mapping, mode setup), run in order over SDO.</summary>
/// <param name="Index">Object index.</param>
/// <param name="SubIndex">Sub-index.</param>
/// <param name="Data">The bytes, little-endian.</param>
public sealed record SdoWrite(ushort Index, byte SubIndex, byte[] Data)
{
    /// <summary>An UNSIGNED8 write.</summary>
    public static SdoWrite UInt8(ushort index, byte subIndex, byte value) => new(index, subIndex, [value]);

    /// <summary>An UNSIGNED32 write.</summary>
    public static SdoWrite UInt32(ushort index, byte subIndex, uint value) => new(index, subIndex, BitConverter.GetBytes(value));

    /// <inheritdoc />
    public override string ToString() => $"0x{Index:X4}:{SubIndex:X2} = {Convert.ToHexString(Data)}";
}
