using System.Buffers.Binary;
using System.Text;
using Controller.Hardware.Protocols.EtherCat.Sii;

namespace Controller.Hardware.Simulation.EtherCat;

/// <summary>
/// Writes SII EEPROM images for simulated slaves that have no real dump (a CoE drive, for instance): the fixed
/// header with its CRC, then Strings, General, FMMU, SyncM, TxPDO and RxPDO categories and End, in the layout
/// <see cref="SiiParser"/> reads (ETG.1000.6 §5.4).
/// </summary>
public sealed class SiiImageBuilder
{
    /// <summary>Identity words.</summary>
    public SlaveIdentity Identity { get; init; }

    /// <summary>Standard mailbox layout (default: none).</summary>
    public SiiMailbox StandardMailbox { get; init; }

    /// <summary>Supported mailbox protocols.</summary>
    public MailboxProtocols MailboxProtocols { get; init; }

    /// <summary>Order number (General OrderIdx), e.g. "SIM-DRIVE".</summary>
    public string OrderNumber { get; init; } = "";

    /// <summary>Long name (General NameIdx).</summary>
    public string Name { get; init; } = "";

    /// <summary>Group (General GroupIdx).</summary>
    public string GroupName { get; init; } = "";

    /// <summary>CoE details byte of General (bit 0 SDO, 1 SDO info, 2 PDO assign, 3 PDO config, 5 complete access).</summary>
    public byte CoeDetails { get; init; }

    /// <summary>FMMU usages.</summary>
    public IReadOnlyList<SiiFmmuUsage> Fmmus { get; init; } = [];

    /// <summary>Sync managers.</summary>
    public IReadOnlyList<SiiSyncManager> SyncManagers { get; init; } = [];

    /// <summary>Input PDOs.</summary>
    public IReadOnlyList<SiiPdo> TxPdos { get; init; } = [];

    /// <summary>Output PDOs.</summary>
    public IReadOnlyList<SiiPdo> RxPdos { get; init; } = [];

    /// <summary>Writes the image, padded with 0xFF to <paramref name="sizeBytes"/>.</summary>
    /// <exception cref="InvalidOperationException">More than 255 strings, a string over 255 bytes, or the image does not fit.</exception>
    public byte[] Build(int sizeBytes = 2048)
    {
        var strings = new List<string>();
        byte Str(string s)
        {
            if (s.Length == 0)
                return 0;
            int i = strings.IndexOf(s);
            if (i < 0)
            {
                if (strings.Count == 255)
                    throw new InvalidOperationException("an SII string table holds at most 255 strings");
                strings.Add(s);
                i = strings.Count - 1;
            }
            return (byte)(i + 1);
        }

        var general = new byte[32];
        general[0] = Str(GroupName);
        general[2] = Str(OrderNumber);
        general[3] = Str(Name);
        general[5] = CoeDetails;
        general[14] = general[0];
        BinaryPrimitives.WriteUInt16LittleEndian(general.AsSpan(16), 0x0011); // ports 0 and 1: MII
        var tx = Pdos(TxPdos, Str);
        var rx = Pdos(RxPdos, Str);
        var sms = new byte[8 * SyncManagers.Count];
        for (int i = 0; i < SyncManagers.Count; i++)
        {
            var s = SyncManagers[i];
            BinaryPrimitives.WriteUInt16LittleEndian(sms.AsSpan(8 * i), s.StartAddress);
            BinaryPrimitives.WriteUInt16LittleEndian(sms.AsSpan(8 * i + 2), s.Length);
            sms[8 * i + 4] = s.Control;
            sms[8 * i + 5] = s.Status;
            sms[8 * i + 6] = s.Enable;
            sms[8 * i + 7] = (byte)s.Type;
        }

        var stringData = new List<byte> { (byte)strings.Count };
        foreach (var s in strings)
        {
            var bytes = Encoding.Latin1.GetBytes(s);
            if (bytes.Length > 255)
                throw new InvalidOperationException($"SII string '{s[..20]}…' has {bytes.Length} bytes; at most 255");
            stringData.Add((byte)bytes.Length);
            stringData.AddRange(bytes);
        }

        var image = new List<byte>(Header());
        Category(image, SiiCategoryType.Strings, [.. stringData]);
        Category(image, SiiCategoryType.General, general);
        if (Fmmus.Count > 0)
            Category(image, SiiCategoryType.Fmmu, Fmmus.Select(f => (byte)f).ToArray(), pad: (byte)SiiFmmuUsage.NotUsed); // as real EEPROMs pad
        if (sms.Length > 0)
            Category(image, SiiCategoryType.SyncManager, sms);
        if (tx.Length > 0)
            Category(image, SiiCategoryType.TxPdo, tx);
        if (rx.Length > 0)
            Category(image, SiiCategoryType.RxPdo, rx);
        image.Add(0xFF);
        image.Add(0xFF);
        if (image.Count > sizeBytes)
            throw new InvalidOperationException($"SII image needs {image.Count} bytes, more than {sizeBytes}");
        while (image.Count < sizeBytes)
            image.Add(0xFF);
        return [.. image];
    }

    private byte[] Header()
    {
        var h = new byte[SiiHeader.Bytes];
        void Word(int w, ushort v) => BinaryPrimitives.WriteUInt16LittleEndian(h.AsSpan(2 * w), v);
        void DWord(int w, uint v) => BinaryPrimitives.WriteUInt32LittleEndian(h.AsSpan(2 * w), v);
        Word(0x00, 0x0C08); // PDI control: SPI-like PDI, as small drives use
        h[14] = SiiHeader.Crc8(h.AsSpan(0, 14));
        DWord(0x08, Identity.VendorId);
        DWord(0x0A, Identity.ProductCode);
        DWord(0x0C, Identity.RevisionNumber);
        DWord(0x0E, Identity.SerialNumber);
        Word(0x18, StandardMailbox.ReceiveOffset);
        Word(0x19, StandardMailbox.ReceiveSize);
        Word(0x1A, StandardMailbox.SendOffset);
        Word(0x1B, StandardMailbox.SendSize);
        Word(0x1C, (ushort)MailboxProtocols);
        Word(0x3E, 15);
        Word(0x3F, 1);
        return h;
    }

    private static byte[] Pdos(IReadOnlyList<SiiPdo> pdos, Func<string, byte> str)
    {
        var bytes = new List<byte>();
        foreach (var p in pdos)
        {
            var header = new byte[8];
            BinaryPrimitives.WriteUInt16LittleEndian(header, p.Index);
            header[2] = (byte)p.Entries.Count;
            header[3] = p.SyncManager;
            header[4] = p.Synchronization;
            header[5] = str(p.Name);
            BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(6), p.Flags);
            bytes.AddRange(header);
            foreach (var e in p.Entries)
            {
                var entry = new byte[8];
                BinaryPrimitives.WriteUInt16LittleEndian(entry, e.Index);
                entry[2] = e.SubIndex;
                entry[3] = str(e.Name);
                entry[4] = e.DataType;
                entry[5] = e.BitLength;
                BinaryPrimitives.WriteUInt16LittleEndian(entry.AsSpan(6), e.Flags);
                bytes.AddRange(entry);
            }
        }
        return [.. bytes];
    }

    private static void Category(List<byte> image, SiiCategoryType type, byte[] data, byte pad = 0)
    {
        int padded = (data.Length + 1) & ~1;
        image.Add((byte)type);
        image.Add((byte)((ushort)type >> 8));
        image.Add((byte)(padded / 2));
        image.Add((byte)(padded / 2 >> 8));
        image.AddRange(data);
        if (padded > data.Length)
            image.Add(pad);
    }
}
