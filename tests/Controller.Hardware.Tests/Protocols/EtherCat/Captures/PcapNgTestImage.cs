using System.Buffers.Binary;

namespace Controller.Hardware.Tests.Protocols.EtherCat.Captures;

/// <summary>Writes small pcapng images in either byte order, block by block, for reader tests.</summary>
internal sealed class PcapNgTestImage(bool bigEndian)
{
    private readonly List<byte> _bytes = [];

    public byte[] ToArray() => [.. _bytes];

    private byte[] U32(uint v)
    {
        var b = new byte[4];
        if (bigEndian) BinaryPrimitives.WriteUInt32BigEndian(b, v); else BinaryPrimitives.WriteUInt32LittleEndian(b, v);
        return b;
    }

    private byte[] U16(ushort v)
    {
        var b = new byte[2];
        if (bigEndian) BinaryPrimitives.WriteUInt16BigEndian(b, v); else BinaryPrimitives.WriteUInt16LittleEndian(b, v);
        return b;
    }

    public PcapNgTestImage Block(uint type, byte[] body)
    {
        var padded = body.Concat(new byte[(4 - body.Length % 4) % 4]).ToArray();
        uint total = (uint)(12 + padded.Length);
        _bytes.AddRange(U32(type));
        _bytes.AddRange(U32(total));
        _bytes.AddRange(padded);
        _bytes.AddRange(U32(total));
        return this;
    }

    public PcapNgTestImage Section() =>
        Block(0x0A0D0D0A, [.. U32(0x1A2B3C4D), .. U16(1), .. U16(0), .. new byte[] { 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF }]);

    public PcapNgTestImage Interface(ushort linkType, byte? tsresol)
    {
        var body = new List<byte>([.. U16(linkType), 0, 0, .. U32(65535)]);
        if (tsresol is byte r)
            body.AddRange([.. U16(9), .. U16(1), r, 0, 0, 0, .. U16(0), .. U16(0)]);
        return Block(1, [.. body]);
    }

    public PcapNgTestImage Packet(uint interfaceId, ulong timestamp, byte[] data, uint? originalLength = null) =>
        Block(6, [.. U32(interfaceId), .. U32((uint)(timestamp >> 32)), .. U32((uint)timestamp), .. U32((uint)data.Length),
            .. U32(originalLength ?? (uint)data.Length), .. data]);
}
