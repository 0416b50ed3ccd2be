namespace Controller.Runtime.Recording;

/// <summary>One record of an episode, stamped with nanoseconds since the episode started (monotonic clock).</summary>
/// <param name="TimeNs">Nanoseconds since <see cref="EpisodeHeader.StartMonotonicNs"/>.</param>
public abstract record EpisodeRecord(long TimeNs)
{
    /// <summary>What the record holds (the first element of its payload).</summary>
    public abstract RecordKind Kind { get; }

    /// <summary>Seconds since the episode started.</summary>
    public double TimeSeconds => TimeNs * 1e-9;
}
