namespace Controller.Hardware.Devices.Mit;

/// <summary>Supervision and lifecycle timing of a <see cref="MitGroupDriver"/>.</summary>
public sealed record MitBusOptions
{
    /// <summary>Consecutive cycles without a motor's reply before it counts as lost; fewer are a counted timeout.</summary>
    public int MaxMissedCycles { get; init; } = 3;

    /// <summary>How long a lifecycle call waits for the replies.</summary>
    public long LifecycleTimeoutNs { get; init; } = 500_000_000;

    /// <summary>Called while a lifecycle call waits; the default sleeps a millisecond. Tests tick the bus and twins.</summary>
    public Action? WhileWaiting { get; init; }
}
