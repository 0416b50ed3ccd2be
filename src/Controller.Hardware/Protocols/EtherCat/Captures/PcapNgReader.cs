using System.Buffers.Binary;

namespace Controller.Hardware.Protocols.EtherCat.Captures;

/// <summary>
/// A minimal pcapng reader for test replays and tooling (not the cyclic path): Section Header, Interface
/// Description and Enhanced Packet blocks, either byte order, several sections; other block types are
/// skipped by their length. Malformed input throws <see cref="PcapNgFormatException"/> naming the block and
/// offset, never another exception. Format: IETF draft-ietf-opsawg-pcapng (§4.1 SHB, §4.2 IDB, §4.3 EPB).
/// </summary>
public static class PcapNgReader
{
    /// <summary>Link type of Ethernet (LINKTYPE_ETHERNET).</summary>
    public const ushort LinkTypeEthernet = 1;

    private const uint ByteOrderMagic = 0x1A2B3C4D;
    private const ushort OptionEnd = 0;
    private const ushort OptionTimestampResolution = 9;

    /// <summary>Reads a whole file.</summary>
    /// <exception cref="PcapNgFormatException">The file is malformed.</exception>
    public static IReadOnlyList<PcapNgPacket> ReadFile(string path) => Read(File.ReadAllBytes(path));

    /// <summary>Reads every packet of a pcapng image.</summary>
    /// <exception cref="PcapNgFormatException">The image is malformed.</exception>
    public static IReadOnlyList<PcapNgPacket> Read(ReadOnlyMemory<byte> image)
    {
        var packets = new List<PcapNgPacket>();
        var interfaces = new List<(ushort LinkType, long UnitsPerSecond)>();
        var bytes = image.Span;
        bool bigEndian = false;
        bool inSection = false;
        long offset = 0;
        while (offset < bytes.Length)
        {
            if (bytes.Length - offset < 12)
                throw new PcapNgFormatException(0, offset, $"{bytes.Length - offset} trailing bytes, a block needs at least 12");
            uint type = ReadUInt32(bytes, offset, bigEndian);
            if (type == PcapNgBlockTypes.SectionHeader)
            {
                bigEndian = ReadSectionByteOrder(bytes, offset);
                type = PcapNgBlockTypes.SectionHeader;
                inSection = true;
                interfaces.Clear();
            }
            else if (!inSection)
                throw new PcapNgFormatException(type, offset, "the file does not start with a Section Header Block");

            uint totalLength = ReadUInt32(bytes, offset + 4, bigEndian);
            if (totalLength < 12 || totalLength % 4 != 0 || totalLength > bytes.Length - offset)
                throw new PcapNgFormatException(type, offset,
                    $"block length {totalLength} is not a multiple of 4 in 12..{bytes.Length - offset}");
            if (ReadUInt32(bytes, offset + totalLength - 4, bigEndian) != totalLength)
                throw new PcapNgFormatException(type, offset, "trailing block length differs from the leading one");
            var body = bytes.Slice((int)offset + 8, (int)totalLength - 12);

            switch (type)
            {
                case PcapNgBlockTypes.SectionHeader:
                    if (body.Length < 16)
                        throw new PcapNgFormatException(type, offset, $"SHB body has {body.Length} bytes, needs 16");
                    ushort major = ReadUInt16(body, 4, bigEndian);
                    if (major != 1)
                        throw new PcapNgFormatException(type, offset, $"major version {major} is not 1");
                    break;
                case PcapNgBlockTypes.InterfaceDescription:
                    interfaces.Add(ReadInterface(body, bigEndian, type, offset));
                    break;
                case PcapNgBlockTypes.EnhancedPacket:
                    packets.Add(ReadEnhancedPacket(image, body, (int)offset + 8, bigEndian, offset, interfaces, packets.Count + 1));
                    break;
            }
            offset += totalLength;
        }
        return packets;
    }

    private static bool ReadSectionByteOrder(ReadOnlySpan<byte> bytes, long offset)
    {
        if (bytes.Length - offset < 28)
            throw new PcapNgFormatException(PcapNgBlockTypes.SectionHeader, offset, $"SHB needs 28 bytes, {bytes.Length - offset} remain");
        uint magic = BinaryPrimitives.ReadUInt32LittleEndian(bytes[(int)(offset + 8)..]);
        if (magic == ByteOrderMagic)
            return false;
        if (BinaryPrimitives.ReverseEndianness(magic) == ByteOrderMagic)
            return true;
        throw new PcapNgFormatException(PcapNgBlockTypes.SectionHeader, offset, $"byte-order magic 0x{magic:X8} is not 0x1A2B3C4D either way");
    }

    private static (ushort, long) ReadInterface(ReadOnlySpan<byte> body, bool bigEndian, uint type, long offset)
    {
        if (body.Length < 8)
            throw new PcapNgFormatException(type, offset, $"IDB body has {body.Length} bytes, needs 8");
        ushort linkType = ReadUInt16(body, 0, bigEndian);
        long unitsPerSecond = 1_000_000;
        var options = body[8..];
        while (options.Length >= 4)
        {
            ushort code = ReadUInt16(options, 0, bigEndian);
            int length = ReadUInt16(options, 2, bigEndian);
            if (code == OptionEnd)
                break;
            int padded = (length + 3) & ~3;
            if (4 + padded > options.Length)
                throw new PcapNgFormatException(type, offset, $"option {code} of {length} bytes runs past the block");
            if (code == OptionTimestampResolution)
            {
                if (length != 1)
                    throw new PcapNgFormatException(type, offset, $"if_tsresol has {length} bytes, must be 1");
                unitsPerSecond = UnitsPerSecond(options[4], type, offset);
            }
            options = options[(4 + padded)..];
        }
        return (linkType, unitsPerSecond);
    }

    private static long UnitsPerSecond(byte resolution, uint type, long offset)
    {
        // MSB clear: 10^-n seconds; MSB set: 2^-n seconds. Beyond 10^-18 / 2^-62 a long cannot count.
        int exponent = resolution & 0x7F;
        bool binary = (resolution & 0x80) != 0;
        if (binary ? exponent > 62 : exponent > 18)
            throw new PcapNgFormatException(type, offset, $"if_tsresol 0x{resolution:X2} is finer than this reader supports");
        if (binary)
            return 1L << exponent;
        long units = 1;
        for (int i = 0; i < exponent; i++)
            units *= 10;
        return units;
    }

    private static PcapNgPacket ReadEnhancedPacket(ReadOnlyMemory<byte> image, ReadOnlySpan<byte> body, int bodyOffset,
        bool bigEndian, long offset, List<(ushort LinkType, long UnitsPerSecond)> interfaces, int number)
    {
        const uint type = PcapNgBlockTypes.EnhancedPacket;
        if (body.Length < 20)
            throw new PcapNgFormatException(type, offset, $"EPB body has {body.Length} bytes, needs 20");
        uint interfaceId = ReadUInt32(body, 0, bigEndian);
        if (interfaceId >= interfaces.Count)
            throw new PcapNgFormatException(type, offset, $"interface id {interfaceId} but the section describes {interfaces.Count}");
        ulong units = ((ulong)ReadUInt32(body, 4, bigEndian) << 32) | ReadUInt32(body, 8, bigEndian);
        uint captured = ReadUInt32(body, 12, bigEndian);
        uint original = ReadUInt32(body, 16, bigEndian);
        if (captured > body.Length - 20)
            throw new PcapNgFormatException(type, offset, $"captured length {captured} exceeds the {body.Length - 20} bytes of the block");
        if (original > int.MaxValue)
            throw new PcapNgFormatException(type, offset, $"original length {original} is above 2^31");
        var (linkType, unitsPerSecond) = interfaces[(int)interfaceId];
        long ns = ToNanoseconds(units, unitsPerSecond);
        return new PcapNgPacket(number, (int)interfaceId, linkType, ns, (int)original,
            image.Slice(bodyOffset + 20, (int)captured), offset);
    }

    private static long ToNanoseconds(ulong units, long unitsPerSecond)
    {
        ulong seconds = units / (ulong)unitsPerSecond;
        ulong fraction = units % (ulong)unitsPerSecond;
        // Wrapping on absurd timestamps is harmless for a replay; UInt128 keeps the fraction exact.
        return unchecked((long)(seconds * 1_000_000_000UL + (ulong)((UInt128)fraction * 1_000_000_000UL / (ulong)unitsPerSecond)));
    }

    private static uint ReadUInt32(ReadOnlySpan<byte> bytes, long offset, bool bigEndian) => bigEndian
        ? BinaryPrimitives.ReadUInt32BigEndian(bytes[(int)offset..])
        : BinaryPrimitives.ReadUInt32LittleEndian(bytes[(int)offset..]);

    private static ushort ReadUInt16(ReadOnlySpan<byte> bytes, int offset, bool bigEndian) => bigEndian
        ? BinaryPrimitives.ReadUInt16BigEndian(bytes[offset..])
        : BinaryPrimitives.ReadUInt16LittleEndian(bytes[offset..]);
}
