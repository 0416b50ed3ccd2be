using System.Buffers.Binary;
using Controller.Hardware.Protocols.EtherCat.Sii;

namespace Controller.Hardware.Devices.EtherCat;

/// <summary>
/// Where a slave's process data comes from: the PDOs its SII lists per sync manager (fixed terminals), or the
/// CoE PDO assignment objects 0x1C10+n (0x1C12 outputs on SM2, 0x1C13 inputs on SM3) and the mapping objects
/// 0x16xx/0x1Axx they name (ETG.1000.6 §5.6.7.4). Also writes an assignment and its mappings (start-up
/// configuration of a CoE slave in PRE-OP). Configuration phase: allocates and throws.
/// </summary>
public static class PdoAssignment
{
    /// <summary>First PDO assignment object: 0x1C10 + SM number.</summary>
    public const ushort AssignmentBase = 0x1C10;

    /// <summary>
    /// The process-data SMs the SII declares, with the SII's PDOs for each. Right for slaves with fixed PDOs
    /// (EL2004, EL2828); a slave listing alternative PDO sets needs <see cref="FromCoe"/>.
    /// </summary>
    public static IReadOnlyList<SyncManagerAssignment> FromSii(SiiImage sii)
    {
        var result = new List<SyncManagerAssignment>();
        for (int n = 0; n < sii.SyncManagers.Count; n++)
        {
            var sm = sii.SyncManagers[n];
            if (sm.Type is not (SyncManagerType.Outputs or SyncManagerType.Inputs))
                continue;
            bool output = sm.Type == SyncManagerType.Outputs;
            var pdos = (output ? sii.RxPdos : sii.TxPdos)
                .Where(p => p.SyncManager == n)
                .Select(p => new PdoMapping(p.Index, p.Entries.Select(e => new PdoEntryMapping(e.Index, e.SubIndex, e.BitLength)).ToArray()))
                .ToArray();
            result.Add(new SyncManagerAssignment(n, output, sm.StartAddress, sm.Control, pdos));
        }
        return result;
    }

    /// <summary>Reads the assignment of every process-data SM the SII declares from CoE 0x1C10+n and the mapping objects.</summary>
    /// <exception cref="SdoAbortException">The slave refused a read.</exception>
    /// <exception cref="EtherCatException">No answer, or an object has an impossible size.</exception>
    public static IReadOnlyList<SyncManagerAssignment> FromCoe(CoeMailboxClient client, SiiImage sii)
    {
        var result = new List<SyncManagerAssignment>();
        for (int n = 0; n < sii.SyncManagers.Count; n++)
        {
            var sm = sii.SyncManagers[n];
            if (sm.Type is not (SyncManagerType.Outputs or SyncManagerType.Inputs))
                continue;
            ushort assignment = (ushort)(AssignmentBase + n);
            int count = ReadCount(client, assignment);
            var pdos = new List<PdoMapping>(count);
            for (byte k = 1; k <= count; k++)
            {
                ushort pdo = (ushort)Read(client, assignment, k, 2);
                int entries = ReadCount(client, pdo);
                var mapped = new PdoEntryMapping[entries];
                for (byte e = 1; e <= entries; e++)
                    mapped[e - 1] = PdoEntryMapping.FromMappingValue(Read(client, pdo, e, 4));
                pdos.Add(new PdoMapping(pdo, mapped));
            }
            result.Add(new SyncManagerAssignment(n, sm.Type == SyncManagerType.Outputs, sm.StartAddress, sm.Control, pdos));
        }
        return result;
    }

    /// <summary>
    /// Writes <paramref name="pdos"/> as the assignment of SM <paramref name="syncManager"/>: each mapping object is
    /// cleared (sub 0 = 0), filled and closed with its entry count, then the assignment object the same way
    /// (the order ETG.1000.6 requires so the slave never sees a half-written mapping). PRE-OP only.
    /// </summary>
    /// <exception cref="SdoAbortException">The slave refused (fixed PDOs, unmappable object, too long).</exception>
    public static void WriteToCoe(CoeMailboxClient client, int syncManager, IReadOnlyList<PdoMapping> pdos)
    {
        if (syncManager is < 0 or > 15)
            throw new ArgumentOutOfRangeException(nameof(syncManager), syncManager, "sync manager must be 0..15");
        ushort assignment = (ushort)(AssignmentBase + syncManager);
        Span<byte> u32 = stackalloc byte[4];
        client.Download(assignment, 0, [0]);
        foreach (var pdo in pdos)
        {
            client.Download(pdo.Index, 0, [0]);
            for (int e = 0; e < pdo.Entries.Count; e++)
            {
                BinaryPrimitives.WriteUInt32LittleEndian(u32, pdo.Entries[e].ToMappingValue());
                client.Download(pdo.Index, (byte)(e + 1), u32);
            }
            client.Download(pdo.Index, 0, [(byte)pdo.Entries.Count]);
        }
        Span<byte> u16 = stackalloc byte[2];
        for (int k = 0; k < pdos.Count; k++)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(u16, pdos[k].Index);
            client.Download(assignment, (byte)(k + 1), u16);
        }
        client.Download(assignment, 0, [(byte)pdos.Count]);
    }

    private static int ReadCount(CoeMailboxClient client, ushort index)
    {
        var data = client.Upload(index, 0);
        if (data.Length < 1)
            throw new EtherCatException(client.Station, $"slave 0x{client.Station:X4}: 0x{index:X4}:0 (number of entries) came back empty");
        return data[0];
    }

    private static uint Read(CoeMailboxClient client, ushort index, byte subIndex, int bytes)
    {
        var data = client.Upload(index, subIndex);
        if (data.Length < bytes)
            throw new EtherCatException(client.Station, $"slave 0x{client.Station:X4}: 0x{index:X4}:{subIndex} has {data.Length} bytes; {bytes} expected");
        return bytes == 2 ? BinaryPrimitives.ReadUInt16LittleEndian(data) : BinaryPrimitives.ReadUInt32LittleEndian(data);
    }
}
