namespace Controller.Hardware.Devices.EtherCat;

/// <summary>
/// The PDOs assigned to one process-data sync manager of a slave (what CoE 0x1C10+n holds, or what the SII's
/// TxPDO/RxPDO categories list for SM n), with the SM's place in ESC memory and its control byte from the SII.
/// </summary>
/// <param name="SyncManager">Sync manager number (2 and 3 on mailbox slaves, 0/1 on simple terminals).</param>
/// <param name="IsOutput">True for outputs (master to slave, RxPDOs), false for inputs (TxPDOs).</param>
/// <param name="StartAddress">Physical start address of the SM buffer.</param>
/// <param name="Control">SM control register value (buffered/mailbox mode, direction, interrupts) from the SII.</param>
/// <param name="Pdos">Assigned PDOs in order.</param>
public sealed record SyncManagerAssignment(int SyncManager, bool IsOutput, ushort StartAddress, byte Control, IReadOnlyList<PdoMapping> Pdos)
{
    /// <summary>Bits of all assigned PDOs: the process data this SM carries.</summary>
    public int BitLength
    {
        get
        {
            int bits = 0;
            foreach (var p in Pdos) bits += p.BitLength;
            return bits;
        }
    }

    /// <summary>The SM length register value: whole bytes.</summary>
    public ushort LengthBytes => (ushort)((BitLength + 7) / 8);
}
