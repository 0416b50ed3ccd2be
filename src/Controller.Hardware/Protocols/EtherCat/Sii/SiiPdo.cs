namespace Controller.Hardware.Protocols.EtherCat.Sii;

/// <summary>A PDO description from the TxPDO (50) or RxPDO (51) category: an 8-byte header and 8 bytes per entry.</summary>
/// <param name="Index">PDO index (0x1600.. for RxPDOs, 0x1A00.. for TxPDOs).</param>
/// <param name="SyncManager">The sync manager it is assigned to by default (0xFF: not assigned).</param>
/// <param name="Synchronization">DC synchronization byte.</param>
/// <param name="Name">Name from the string table.</param>
/// <param name="Flags">PDO flags (bit 0 mandatory, 1 default, 4 fixed content, ...).</param>
/// <param name="Entries">Mapped objects in order.</param>
public sealed record SiiPdo(ushort Index, byte SyncManager, byte Synchronization, string Name, ushort Flags, IReadOnlyList<SiiPdoEntry> Entries)
{
    /// <summary>Sum of the entries' bit lengths.</summary>
    public int BitLength => Entries.Sum(e => e.BitLength);
}
