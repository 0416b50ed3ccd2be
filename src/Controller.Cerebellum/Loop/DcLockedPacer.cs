using Controller.Hardware.Devices.EtherCat;

namespace Controller.Cerebellum.Loop;

/// <summary>
/// Phase-locks the loop to EtherCAT distributed-clocks time: wraps the loop's pacer and moves the loop's schedule each
/// cycle by <see cref="DcLoopPacing.TakeCorrectionNs"/> (<see cref="AdjustDeadlineNs"/>), while the EtherCAT driver feeds
/// the pacing every good frame's reference clock time (<c>Cia402EtherCatDriver.Pacing</c>), so cycles start at a fixed
/// phase before SYNC0. The schedule itself moves (not a shift added to a fixed grid): however far host and reference
/// clocks drift apart, lateness and overruns are measured against the deadlines really waited for. No allocation, lock
/// or exception.
/// </summary>
public sealed class DcLockedPacer : IPacer
{
    private readonly IPacer _inner;
    private readonly DcLoopPacing _pacing;

    /// <summary>Wraps <paramref name="inner"/> (an <see cref="AbsoluteDeadlinePacer"/>; a <see cref="ManualPacer"/> in tests).</summary>
    public DcLockedPacer(IPacer inner, DcLoopPacing pacing)
    {
        _inner = inner ?? throw new ArgumentNullException(nameof(inner));
        _pacing = pacing ?? throw new ArgumentNullException(nameof(pacing));
    }

    /// <inheritdoc />
    public long NowNs() => _inner.NowNs();

    /// <inheritdoc />
    public long WaitUntil(long deadlineNs) => _inner.WaitUntil(deadlineNs);

    /// <summary>The scheduled deadline moved by this cycle's phase-lock correction (applied once).</summary>
    public long AdjustDeadlineNs(long scheduledNs) => scheduledNs + _pacing.TakeCorrectionNs();
}
