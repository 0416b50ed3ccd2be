using Controller.Hardware.Devices.EtherCat;

namespace Controller.Hardware.Devices.Cia402;

/// <summary>Timing, supervision and safe reaction of a <see cref="Cia402EtherCatDriver"/>.</summary>
public sealed record Cia402EtherCatOptions
{
    /// <summary>Consecutive bad cycles (lost frame, wrong working counter) before the drives count as lost; fewer are a counted timeout.</summary>
    public int MaxMissedCycles { get; init; } = 3;

    /// <summary>
    /// What the outputs do once a fault has stopped the commands: <see cref="EtherCatFaultReaction.Hold"/> keeps enabled drives in CSP
    /// at the position latched when the fault was seen; <see cref="EtherCatFaultReaction.Disable"/> sends "disable voltage" (torque off).
    /// </summary>
    public EtherCatFaultReaction FaultReaction { get; init; } = EtherCatFaultReaction.Hold;

    /// <summary>How long opening, enabling and fault reset may take.</summary>
    public long LifecycleTimeoutNs { get; init; } = 2_000_000_000;

    /// <summary>How long a cyclic frame may take to come back.</summary>
    public long CycleTimeoutNs { get; init; } = 1_000_000;

    /// <summary>Called between two lifecycle cycles; the default sleeps a millisecond. Tests pass a hook that steps the simulated plant.</summary>
    public Action? BetweenCycles { get; init; }

    /// <summary>
    /// Distributed clocks: the group sets up DC and SYNC0, every drive is put into DC SYNC0 mode (0x1C32/0x1C33) and
    /// takes its targets at SYNC0, and <see cref="Cia402EtherCatDriver.Pacing"/> phase-locks the host loop to DC time.
    /// Null: free run (drives take the targets when the frame arrives). The drives' station addresses are added to
    /// <see cref="EtherCatDcOptions.SyncModeSlaves"/>.
    /// </summary>
    public EtherCatDcOptions? DistributedClocks { get; init; }

    /// <summary>
    /// Where in the DC period the cyclic frame should read the reference clock, ns (0..cycle); null: half a cycle before
    /// SYNC0, so the frame has reached every drive well before the pulse that takes its targets over.
    /// </summary>
    public long? DcFramePhaseNs { get; init; }
}
