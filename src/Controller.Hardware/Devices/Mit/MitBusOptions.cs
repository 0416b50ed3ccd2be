namespace Controller.Hardware.Devices.Mit;

/// <summary>Supervision and lifecycle timing of a <see cref="MitGroupDriver"/>.</summary>
public sealed record MitBusOptions
{
    /// <summary>Consecutive cycles without a motor's reply before it counts as lost; fewer are a counted timeout.</summary>
    public int MaxMissedCycles { get; init; } = 3;

    /// <summary>
    /// How long after a cycle's command frames <see cref="MitGroupDriver.Read"/> waits for replies still missing (ns);
    /// 0 (the default): not at all, a reply not in by the next read is a counted timeout. Size it from the wire: the
    /// replies follow the group's commands on one bus, so the last arrives about 2 × motors × 135 bits (an 8-byte
    /// standard frame, stuffed) / bit rate after the write (7 motors at 1 Mbit/s: 1.9 ms), plus the motors' turnaround.
    /// It matters when the next read comes sooner than that (a loop that overran its period, the read-only reads
    /// of bring-up back to back); otherwise the replies are already in and nothing waits. The wait sleeps in 50 µs steps and allocates nothing.
    /// </summary>
    public long ReplyTimeoutNs { get; init; }

    /// <summary>How long a lifecycle call waits for the replies.</summary>
    public long LifecycleTimeoutNs { get; init; } = 500_000_000;

    /// <summary>Called while a lifecycle call waits; the default sleeps a millisecond. Tests tick the bus and twins.</summary>
    public Action? WhileWaiting { get; init; }
}
