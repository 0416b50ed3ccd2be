namespace Controller.Hardware.Protocols.EtherCat.Sii;

/// <summary>A parsed SII EEPROM image. Categories absent from the image are empty lists or null.</summary>
/// <param name="Header">The fixed words.</param>
/// <param name="Strings">The string table; <c>Strings[0]</c> is string index 1.</param>
/// <param name="General">The General category, or null when absent.</param>
/// <param name="Fmmus">Intended use of each FMMU.</param>
/// <param name="SyncManagers">Sync manager configurations in SM order.</param>
/// <param name="TxPdos">Input PDOs (slave to master).</param>
/// <param name="RxPdos">Output PDOs (master to slave).</param>
/// <param name="DcOperationModes">Distributed-clock operation modes.</param>
/// <param name="Categories">Every category in image order, decoded or not (NOP excluded).</param>
public sealed record SiiImage(
    SiiHeader Header, IReadOnlyList<string> Strings, SiiGeneral? General, IReadOnlyList<SiiFmmuUsage> Fmmus,
    IReadOnlyList<SiiSyncManager> SyncManagers, IReadOnlyList<SiiPdo> TxPdos, IReadOnlyList<SiiPdo> RxPdos,
    IReadOnlyList<SiiDcOperationMode> DcOperationModes, IReadOnlyList<SiiCategory> Categories)
{
    /// <summary>
    /// Bits of all RxPDOs the SII lists for sync manager <paramref name="syncManager"/>. This is the process image
    /// only for slaves without alternative PDOs (fixed digital terminals such as EL2004); slaves listing
    /// alternatives (EL2262) need the assignment from CoE 0x1C12/0x1C13 or their ESI file.
    /// </summary>
    public int OutputBits(int syncManager) => RxPdos.Where(p => p.SyncManager == syncManager).Sum(p => p.BitLength);

    /// <summary>Bits of all TxPDOs the SII lists for sync manager <paramref name="syncManager"/> (same caveat as <see cref="OutputBits"/>).</summary>
    public int InputBits(int syncManager) => TxPdos.Where(p => p.SyncManager == syncManager).Sum(p => p.BitLength);
}
