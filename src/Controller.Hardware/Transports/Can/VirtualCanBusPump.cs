using Controller.Pipeline.Time;

namespace Controller.Hardware.Transports.Can;

/// <summary>
/// Runs <see cref="VirtualCanBus.Deliver"/> on its own thread every period, so that a driver and its twins can
/// run on separate threads as they would on a real bus (`robotctl sim`, long-running demos). Tests that need
/// determinism call <see cref="VirtualCanBus.Deliver"/> themselves instead.
/// </summary>
public sealed class VirtualCanBusPump : IDisposable
{
    private readonly VirtualCanBus _bus;
    private readonly IMonotonicClock _clock;
    private readonly long _periodNs;
    private readonly Thread _thread;
    private volatile bool _stop;
    private long _ticks;

    /// <summary>Starts pumping <paramref name="bus"/> every <paramref name="periodNs"/> (≥ 10 µs; the thread sleeps in whole milliseconds) of <paramref name="clock"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">When the period is below 10 µs.</exception>
    public VirtualCanBusPump(VirtualCanBus bus, IMonotonicClock clock, long periodNs = 1_000_000)
    {
        _bus = bus ?? throw new ArgumentNullException(nameof(bus));
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
        if (periodNs < 10_000)
            throw new ArgumentOutOfRangeException(nameof(periodNs), periodNs, "the pump period must be at least 10 000 ns.");
        _periodNs = periodNs;
        _thread = new Thread(Run) { IsBackground = true, Name = $"vcan-pump {bus.Name}" };
        _thread.Start();
    }

    /// <summary>Ticks run so far.</summary>
    public long Ticks => Interlocked.Read(ref _ticks);

    /// <summary>Stops the thread and waits for it.</summary>
    public void Dispose()
    {
        _stop = true;
        _thread.Join();
    }

    private void Run()
    {
        long next = _clock.NowNs;
        while (!_stop)
        {
            _bus.Deliver(_clock.NowNs);
            Interlocked.Increment(ref _ticks);
            next += _periodNs;
            long waitNs = next - _clock.NowNs;
            // Sleep granularity is about a millisecond; a shorter period just ticks once per wake-up.
            if (waitNs > 0) Thread.Sleep((int)Math.Max(1, waitNs / 1_000_000));
            else next = _clock.NowNs;
        }
    }
}
