using System.Buffers.Binary;
using System.Text;

namespace Controller.Hardware.Protocols.EtherCat.Sii;

/// <summary>
/// Parses an SII EEPROM image (ETG.1000.6 §5.4, ETG.2010): the fixed header, then categories from word 0x40
/// (<c>[type u16][length in words u16][data]</c>) up to the End category 0xFFFF. Strings, General, FMMU,
/// SyncM, TxPDO, RxPDO and DC are decoded, names resolved through the string table; other categories are kept raw.
/// Malformed input throws <see cref="SiiFormatException"/> naming the category and byte offset, never another exception.
/// </summary>
public static class SiiParser
{
    private const int SyncManagerBytes = 8;
    private const int PdoHeaderBytes = 8;
    private const int PdoEntryBytes = 8;
    private const int DcBytes = 24;
    private const int GeneralMinimumBytes = 16;

    /// <summary>Parses a whole image (it may extend past the End category; the rest is ignored).</summary>
    /// <exception cref="SiiFormatException">The image is malformed.</exception>
    public static SiiImage Parse(ReadOnlySpan<byte> image)
    {
        var header = SiiHeader.Parse(image);
        var categories = ReadCategoryList(image);

        var stringsCategory = categories.FirstOrDefault(c => c.Type == (ushort)SiiCategoryType.Strings);
        var strings = stringsCategory is null ? [] : ParseStrings(stringsCategory);
        SiiGeneral? general = null;
        var fmmus = new List<SiiFmmuUsage>();
        var syncManagers = new List<SiiSyncManager>();
        var txPdos = new List<SiiPdo>();
        var rxPdos = new List<SiiPdo>();
        var dc = new List<SiiDcOperationMode>();
        foreach (var c in categories)
        {
            switch ((SiiCategoryType)c.Type)
            {
                case SiiCategoryType.General:
                    general = ParseGeneral(c, strings);
                    break;
                case SiiCategoryType.Fmmu:
                    fmmus.AddRange(c.Data.Select(b => (SiiFmmuUsage)b));
                    break;
                case SiiCategoryType.SyncManager:
                    syncManagers.AddRange(ParseSyncManagers(c));
                    break;
                case SiiCategoryType.TxPdo:
                    txPdos.AddRange(ParsePdos(c, strings));
                    break;
                case SiiCategoryType.RxPdo:
                    rxPdos.AddRange(ParsePdos(c, strings));
                    break;
                case SiiCategoryType.DistributedClock:
                    dc.AddRange(ParseDc(c, strings));
                    break;
            }
        }
        return new SiiImage(header, strings, general, fmmus, syncManagers, txPdos, rxPdos, dc, categories);
    }

    private static List<SiiCategory> ReadCategoryList(ReadOnlySpan<byte> image)
    {
        var list = new List<SiiCategory>();
        int offset = SiiHeader.Bytes;
        while (true)
        {
            if (offset + 2 > image.Length)
                throw new SiiFormatException((ushort)SiiCategoryType.End, offset, $"the image ends ({image.Length} bytes) before the End category 0xFFFF");
            ushort type = BinaryPrimitives.ReadUInt16LittleEndian(image[offset..]);
            if (type == (ushort)SiiCategoryType.End)
                return list;
            if (offset + 4 > image.Length)
                throw new SiiFormatException(type, offset, "category header is cut off by the end of the image");
            int lengthBytes = 2 * BinaryPrimitives.ReadUInt16LittleEndian(image[(offset + 2)..]);
            int dataOffset = offset + 4;
            if (lengthBytes > image.Length - dataOffset)
                throw new SiiFormatException(type, offset,
                    $"category length {lengthBytes} bytes runs past the end of the image ({image.Length - dataOffset} bytes remain)");
            if (type != (ushort)SiiCategoryType.Nop)
                list.Add(new SiiCategory(type, dataOffset, image.Slice(dataOffset, lengthBytes).ToArray()));
            offset = dataOffset + lengthBytes;
        }
    }

    private static List<string> ParseStrings(SiiCategory c)
    {
        var data = c.Data;
        if (data.Length < 1)
            throw new SiiFormatException(c.Type, c.DataOffset, "empty strings category has no count byte");
        int count = data[0];
        var strings = new List<string>(count);
        int at = 1;
        for (int i = 0; i < count; i++)
        {
            if (at >= data.Length)
                throw new SiiFormatException(c.Type, c.DataOffset + at, $"string {i + 1} of {count} starts past the category end");
            int length = data[at];
            if (at + 1 + length > data.Length)
                throw new SiiFormatException(c.Type, c.DataOffset + at, $"string {i + 1} of {length} bytes runs past the category end");
            strings.Add(Encoding.Latin1.GetString(data, at + 1, length));
            at += 1 + length;
        }
        return strings;
    }

    private static string ResolveString(IReadOnlyList<string> strings, byte index, SiiCategory c, int fieldOffset)
    {
        if (index == 0)
            return "";
        if (index > strings.Count)
            throw new SiiFormatException(c.Type, c.DataOffset + fieldOffset,
                $"string index {index} but the strings category holds {strings.Count}");
        return strings[index - 1];
    }

    private static SiiGeneral ParseGeneral(SiiCategory c, IReadOnlyList<string> strings)
    {
        var d = c.Data;
        if (d.Length < GeneralMinimumBytes)
            throw new SiiFormatException(c.Type, c.DataOffset, $"General has {d.Length} bytes, needs at least {GeneralMinimumBytes}");
        ushort Word(int at) => d.Length >= at + 2 ? BinaryPrimitives.ReadUInt16LittleEndian(d.AsSpan(at)) : (ushort)0;
        return new SiiGeneral(
            ResolveString(strings, d[0], c, 0), ResolveString(strings, d[1], c, 1),
            ResolveString(strings, d[2], c, 2), ResolveString(strings, d[3], c, 3),
            d[5], d[6], d[7], d[8], d[9], d[10], d[11],
            BinaryPrimitives.ReadInt16LittleEndian(d.AsSpan(12)) / 1000.0,
            Word(16), Word(18));
    }

    private static IEnumerable<SiiSyncManager> ParseSyncManagers(SiiCategory c)
    {
        if (c.Data.Length % SyncManagerBytes != 0)
            throw new SiiFormatException(c.Type, c.DataOffset, $"SyncM has {c.Data.Length} bytes, not a multiple of {SyncManagerBytes}");
        for (int at = 0; at < c.Data.Length; at += SyncManagerBytes)
        {
            var s = c.Data.AsSpan(at);
            yield return new SiiSyncManager(BinaryPrimitives.ReadUInt16LittleEndian(s), BinaryPrimitives.ReadUInt16LittleEndian(s[2..]),
                s[4], s[5], s[6], (SyncManagerType)s[7]);
        }
    }

    private static List<SiiPdo> ParsePdos(SiiCategory c, IReadOnlyList<string> strings)
    {
        var pdos = new List<SiiPdo>();
        var d = c.Data;
        int at = 0;
        while (at < d.Length)
        {
            if (at + PdoHeaderBytes > d.Length)
                throw new SiiFormatException(c.Type, c.DataOffset + at, $"PDO header needs {PdoHeaderBytes} bytes, {d.Length - at} remain");
            ushort index = BinaryPrimitives.ReadUInt16LittleEndian(d.AsSpan(at));
            int entryCount = d[at + 2];
            if (at + PdoHeaderBytes + entryCount * PdoEntryBytes > d.Length)
                throw new SiiFormatException(c.Type, c.DataOffset + at,
                    $"PDO 0x{index:X4} lists {entryCount} entries, more than the category holds");
            string name = ResolveString(strings, d[at + 5], c, at + 5);
            var entries = new List<SiiPdoEntry>(entryCount);
            for (int e = 0; e < entryCount; e++)
            {
                int p = at + PdoHeaderBytes + e * PdoEntryBytes;
                entries.Add(new SiiPdoEntry(BinaryPrimitives.ReadUInt16LittleEndian(d.AsSpan(p)), d[p + 2],
                    ResolveString(strings, d[p + 3], c, p + 3), d[p + 4], d[p + 5], BinaryPrimitives.ReadUInt16LittleEndian(d.AsSpan(p + 6))));
            }
            pdos.Add(new SiiPdo(index, d[at + 3], d[at + 4], name, BinaryPrimitives.ReadUInt16LittleEndian(d.AsSpan(at + 6)), entries));
            at += PdoHeaderBytes + entryCount * PdoEntryBytes;
        }
        return pdos;
    }

    private static IEnumerable<SiiDcOperationMode> ParseDc(SiiCategory c, IReadOnlyList<string> strings)
    {
        if (c.Data.Length % DcBytes != 0)
            throw new SiiFormatException(c.Type, c.DataOffset, $"DC has {c.Data.Length} bytes, not a multiple of {DcBytes}");
        var modes = new List<SiiDcOperationMode>();
        for (int at = 0; at < c.Data.Length; at += DcBytes)
        {
            var s = c.Data.AsSpan(at);
            modes.Add(new SiiDcOperationMode(
                BinaryPrimitives.ReadUInt32LittleEndian(s), BinaryPrimitives.ReadUInt32LittleEndian(s[4..]),
                BinaryPrimitives.ReadUInt32LittleEndian(s[8..]), BinaryPrimitives.ReadInt16LittleEndian(s[12..]),
                BinaryPrimitives.ReadUInt16LittleEndian(s[14..]), BinaryPrimitives.ReadInt16LittleEndian(s[16..]),
                ResolveString(strings, s[18], c, at + 18), s[19]));
        }
        return modes;
    }
}
