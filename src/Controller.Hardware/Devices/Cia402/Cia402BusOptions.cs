namespace Controller.Hardware.Devices.Cia402;

/// <summary>Timing and supervision of a <see cref="Cia402CanDriver"/>.</summary>
public sealed record Cia402BusOptions
{
    /// <summary>Heartbeat period each drive is told to produce (0x1017, ms).</summary>
    public int HeartbeatPeriodMs { get; init; } = 20;

    /// <summary>Silence after which a drive counts as lost (≥ 2 heartbeat periods is sensible).</summary>
    public long HeartbeatTimeoutNs { get; init; } = 100_000_000;

    /// <summary>Consecutive cycles without a drive's TPDO before it counts as lost; fewer are a counted timeout.</summary>
    public int MaxMissedCycles { get; init; } = 3;

    /// <summary>How long <see cref="Cia402CanDriver.Open"/>, enabling and fault reset may take.</summary>
    public long LifecycleTimeoutNs { get; init; } = 2_000_000_000;

    /// <summary>How long a lifecycle cycle waits for the drives' TPDOs before sending the next SYNC.</summary>
    public long LifecycleCycleNs { get; init; } = 5_000_000;

    /// <summary>SDO response timeout during configuration.</summary>
    public long SdoTimeoutNs { get; init; } = 500_000_000;

    /// <summary>Write the runtime's PDO layout over SDO at open (off for drives mapped by their own tool to the same layout).</summary>
    public bool ConfigurePdos { get; init; } = true;

    /// <summary>
    /// Called while a lifecycle call waits for the bus; the default sleeps a millisecond. Tests pass a hook that
    /// ticks the virtual bus, the twins and a manual clock.
    /// </summary>
    public Action? WhileWaiting { get; init; }
}
