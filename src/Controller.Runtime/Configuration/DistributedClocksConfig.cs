namespace Controller.Runtime.Configuration;

/// <summary>Distributed clocks of a <c>cia402-ethercat</c> bus (<c>buses[i].distributed_clocks</c>).</summary>
/// <param name="Enabled">True: the group sets up DC and SYNC0 and every drive goes to DC SYNC0 mode (0x1C32/0x1C33 = 2).</param>
/// <param name="Sync0CycleNs">SYNC0 period, ns; null (<c>sync0_cycle: loop</c>) takes the loop's period.</param>
/// <param name="Sync0ShiftNs">Where in the period SYNC0 fires after the cycle grid, ns (0 ≤ shift &lt; cycle).</param>
/// <param name="Sync0StartDelayNs">How far ahead of the reference clock's time the first SYNC0 pulse is set, ns.</param>
/// <param name="DriftCompensationFrames">FRMW frames of static drift compensation at start-up (ETG.1020 recommends 15 000).</param>
public sealed record DistributedClocksConfig(bool Enabled, long? Sync0CycleNs, long Sync0ShiftNs, long Sync0StartDelayNs, int DriftCompensationFrames)
{
    /// <summary>The SYNC0 period for a loop running at <paramref name="loopRateHz"/>, ns.</summary>
    public long CycleNs(double loopRateHz) => Sync0CycleNs ?? LoopPeriodNs(loopRateHz);

    /// <summary>The loop's period as the cerebellum computes it (rounded to whole ns).</summary>
    public static long LoopPeriodNs(double loopRateHz) => (long)Math.Round(1e9 / loopRateHz);
}
