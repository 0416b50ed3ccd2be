namespace Controller.Cerebellum.Loop;

/// <summary>
/// Paces the loop by a device: each cycle starts when the device signals (<see cref="IPacingEventSource"/>), so the
/// controller runs right after fresh data arrives instead of on an independent timer that beats against the device.
/// When the device does not signal by its deadline plus <see cref="TimeoutNs"/>, the cycle runs anyway (counted in
/// <see cref="DeviceTimeouts"/>) and the pacer falls back to absolute-deadline pacing: from then on each cycle starts
/// at the first of the device's signal and the deadline itself, so a dead device costs at most one late cycle and then
/// the loop keeps its rate on the clock. The first signal that arrives in time ends the fallback (<see cref="Resyncs"/>).
/// </summary>
/// <remarks>
/// The deadlines are the loop's own (<see cref="CycleLoop{TBody}"/> keeps them absolute), so the device may jitter by
/// up to <see cref="TimeoutNs"/> late without the schedule drifting. Counters are written on the loop thread and may be
/// read from any thread. Nothing allocates or throws.
/// </remarks>
public sealed class DevicePacer : IPacer
{
    private readonly IPacingEventSource _source;
    private readonly IPacer _clock;
    private long _deviceCycles, _deviceTimeouts, _fallbackCycles, _resyncs;
    private int _inFallback;

    /// <summary>Creates a pacer.</summary>
    /// <param name="source">The device event.</param>
    /// <param name="clock">The clock, and the absolute-deadline pacer used in fallback (an <see cref="AbsoluteDeadlinePacer"/>; a <see cref="ManualPacer"/> in tests).</param>
    /// <param name="timeoutNs">How late after a deadline the device may still signal before the cycle runs without it (ns, &gt; 0).</param>
    /// <exception cref="ArgumentOutOfRangeException">A timeout that is not positive or over 1 s.</exception>
    public DevicePacer(IPacingEventSource source, IPacer clock, long timeoutNs)
    {
        _source = source ?? throw new ArgumentNullException(nameof(source));
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
        if (timeoutNs <= 0 || timeoutNs > 1_000_000_000)
            throw new ArgumentOutOfRangeException(nameof(timeoutNs), timeoutNs, $"the device timeout must be between 1 ns and 1 s; it is {timeoutNs} ns.");
        TimeoutNs = timeoutNs;
    }

    /// <summary>How late after a deadline the device may signal (ns).</summary>
    public long TimeoutNs { get; }

    /// <summary>Cycles started by the device's signal.</summary>
    public long DeviceCycles => Volatile.Read(ref _deviceCycles);

    /// <summary>Times the device missed its deadline plus timeout (each starts the fallback).</summary>
    public long DeviceTimeouts => Volatile.Read(ref _deviceTimeouts);

    /// <summary>Cycles started by the clock while in fallback.</summary>
    public long FallbackCycles => Volatile.Read(ref _fallbackCycles);

    /// <summary>Times a signal ended the fallback.</summary>
    public long Resyncs => Volatile.Read(ref _resyncs);

    /// <summary>True while the loop is paced by the clock because the device went quiet.</summary>
    public bool InFallback => Volatile.Read(ref _inFallback) != 0;

    /// <inheritdoc />
    public long NowNs() => _clock.NowNs();

    /// <inheritdoc />
    public long WaitUntil(long deadlineNs)
    {
        if (!InFallback)
        {
            if (_source.WaitForEvent(deadlineNs + TimeoutNs))
            {
                Volatile.Write(ref _deviceCycles, _deviceCycles + 1);
                return _clock.NowNs();
            }
            Volatile.Write(ref _deviceTimeouts, _deviceTimeouts + 1);
            Volatile.Write(ref _inFallback, 1);
            return _clock.NowNs();
        }
        // Fallback: the device may still come back before the deadline; otherwise the deadline starts the cycle.
        if (_source.WaitForEvent(deadlineNs))
        {
            Volatile.Write(ref _inFallback, 0);
            Volatile.Write(ref _resyncs, _resyncs + 1);
            Volatile.Write(ref _deviceCycles, _deviceCycles + 1);
            return _clock.NowNs();
        }
        Volatile.Write(ref _fallbackCycles, _fallbackCycles + 1);
        return _clock.WaitUntil(deadlineNs);
    }
}
