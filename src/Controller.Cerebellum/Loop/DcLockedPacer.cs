using Controller.Hardware.Devices.EtherCat;

namespace Controller.Cerebellum.Loop;

/// <summary>
/// Phase-locks the loop to EtherCAT distributed-clocks time: wraps the loop's pacer and waits for each deadline moved by
/// <see cref="DcLoopPacing.ShiftDeadlineNs"/>, while the EtherCAT driver feeds the pacing every good frame's reference
/// clock time (<c>Cia402EtherCatDriver.Pacing</c>). The loop keeps its fixed grid; the shift carries the lock, so cycles
/// start at a fixed phase before SYNC0. No allocation, lock or exception.
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
    public long WaitUntil(long deadlineNs) => _inner.WaitUntil(_pacing.ShiftDeadlineNs(deadlineNs));
}
