using Controller.Pipeline.Time;

namespace Controller.Cerebellum.Loop;

/// <summary>
/// A pacer for tests and simulation: waiting sets a <see cref="ManualClock"/> to the deadline plus a lateness
/// chosen by the test, so the loop runs as fast as the CPU allows with deterministic time.
/// </summary>
public sealed class ManualPacer : IPacer
{
    private readonly ManualClock _clock;
    private readonly Func<long, long>? _latenessForDeadline;

    /// <summary>Creates a pacer over <paramref name="clock"/>; <paramref name="latenessForDeadline"/> maps a deadline to the lateness of waking for it (0 when null).</summary>
    public ManualPacer(ManualClock clock, Func<long, long>? latenessForDeadline = null)
    {
        _clock = clock;
        _latenessForDeadline = latenessForDeadline;
    }

    /// <inheritdoc />
    public long NowNs() => _clock.NowNs;

    /// <inheritdoc />
    public long WaitUntil(long deadlineNs)
    {
        long wake = deadlineNs + (_latenessForDeadline?.Invoke(deadlineNs) ?? 0);
        if (wake > _clock.NowNs) _clock.Set(wake);
        return _clock.NowNs;
    }
}
