namespace Controller.Pipeline.Time;

/// <summary>
/// A monotonic time source in nanoseconds. Components never read the clock themselves: the loop reads
/// it once per cycle and passes the value down, so one injected clock drives every timestamp.
/// </summary>
public interface IMonotonicClock
{
    /// <summary>Current monotonic time in nanoseconds. Never decreases; the epoch is unspecified.</summary>
    long NowNs { get; }
}
