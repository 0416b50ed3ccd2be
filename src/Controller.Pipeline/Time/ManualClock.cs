namespace Controller.Pipeline.Time;

/// <summary>
/// A clock that moves only when told to: deterministic time for tests and simulations.
/// Safe to read from any thread while one thread advances it.
/// </summary>
public sealed class ManualClock : IMonotonicClock
{
    private long _nowNs;

    /// <summary>Creates a clock reading <paramref name="startNs"/>.</summary>
    public ManualClock(long startNs = 0) => _nowNs = startNs;

    /// <inheritdoc />
    public long NowNs => Volatile.Read(ref _nowNs);

    /// <summary>Moves the clock forward by <paramref name="deltaNs"/> (must be zero or positive).</summary>
    /// <exception cref="ArgumentOutOfRangeException">When <paramref name="deltaNs"/> is negative.</exception>
    public void Advance(long deltaNs)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(deltaNs);
        Interlocked.Add(ref _nowNs, deltaNs);
    }

    /// <summary>Sets the clock to <paramref name="nowNs"/>, which must not be earlier than the current reading.</summary>
    /// <exception cref="ArgumentOutOfRangeException">When the clock would go backwards.</exception>
    public void Set(long nowNs)
    {
        long current = Volatile.Read(ref _nowNs);
        if (nowNs < current)
        {
            throw new ArgumentOutOfRangeException(nameof(nowNs), nowNs,
                $"A monotonic clock cannot go backwards: it reads {current} ns and was set to {nowNs} ns.");
        }
        Volatile.Write(ref _nowNs, nowNs);
    }
}
