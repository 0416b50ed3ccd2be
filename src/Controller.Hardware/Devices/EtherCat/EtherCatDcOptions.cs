namespace Controller.Hardware.Devices.EtherCat;

/// <summary>
/// Distributed clocks for an <see cref="EtherCatGroup"/> (ETG.1020 "DC"): what the group sets up between PRE-OP and
/// SAFE-OP — delays and offsets, static drift compensation, the CoE sync mode of drives (0x1C32/0x1C33), SYNC0 on
/// every DC slave — and the FRMW of the reference clock that then rides in every cyclic frame.
/// </summary>
public sealed record EtherCatDcOptions
{
    /// <summary>SYNC0 period = the loop period, ns (1 µs..1 s; CSP drives want 250 µs..4 ms).</summary>
    public long CycleTimeNs { get; init; } = 1_000_000;

    /// <summary>Where in the DC period SYNC0 fires, ns after the cycle grid (0 ≤ shift &lt; cycle).</summary>
    public long Sync0ShiftNs { get; init; }

    /// <summary>How far in the future the first SYNC0 pulse lies when SYNC0 is started, ns (the ESC must see the start time before it passes).</summary>
    public long Sync0StartDelayNs { get; init; } = 100_000_000;

    /// <summary>FRMW frames of static drift compensation before SYNC0 starts (ETG.1020 recommends 15 000), 1..1 000 000.</summary>
    public int DriftCompensationFrames { get; init; } = DistributedClocks.RecommendedDriftFrames;

    /// <summary>
    /// CoE slaves (drives) whose sync manager parameters get "DC SYNC0" (0x1C32:01 and 0x1C33:01 = 2) and the cycle
    /// time (sub 2) in PRE-OP; a drive left in free run or SM-synchronous mode ignores SYNC0.
    /// </summary>
    public IReadOnlyList<ushort> SyncModeSlaves { get; init; } = [];

    /// <summary>Throws when a value is out of range (configuration phase).</summary>
    internal void Validate()
    {
        if (CycleTimeNs is < 1_000 or > 1_000_000_000)
            throw new ArgumentOutOfRangeException(nameof(CycleTimeNs), CycleTimeNs, "DC cycle time must be 1 µs..1 s");
        if (Sync0ShiftNs < 0 || Sync0ShiftNs >= CycleTimeNs)
            throw new ArgumentOutOfRangeException(nameof(Sync0ShiftNs), Sync0ShiftNs, $"SYNC0 shift must be 0..{CycleTimeNs - 1} ns (less than the cycle)");
        if (Sync0StartDelayNs is < 0 or > 10_000_000_000)
            throw new ArgumentOutOfRangeException(nameof(Sync0StartDelayNs), Sync0StartDelayNs, "SYNC0 start delay must be 0..10 s");
        if (DriftCompensationFrames is < 1 or > 1_000_000)
            throw new ArgumentOutOfRangeException(nameof(DriftCompensationFrames), DriftCompensationFrames, "drift compensation sends 1..1000000 frames (ETG.1020 recommends 15000)");
    }
}
