namespace Controller.Hardware.Devices.EtherCat;

/// <summary>
/// The host-loop half of DC synchronisation, for a pacer decorator (the cerebellum's <c>DcLockedPacer</c>): the loop moves
/// its schedule by each <see cref="DcPhaseLock"/> correction once (<see cref="TakeCorrectionNs"/>); a loop that keeps a
/// fixed grid instead waits for <see cref="ShiftDeadlineNs"/> of it, the grid moved by the sum of the corrections so far. <see cref="Observe"/> feeds the reference clock's time read by the cyclic
/// frame's FRMW (<see cref="EtherCatGroup.ReferenceClockTimeNs"/>); each observation's correction is applied exactly once,
/// so a cycle without a good frame keeps the shift where it is. Loop thread only; no allocation, lock or exception.
/// </summary>
/// <remarks>
/// The shift grows at the rate difference of the host clock and the DC reference (a 20 ppm difference moves it 20 µs per
/// second): a loop that kept its own grid would see it as a growing wake-up offset and, after enough seconds, count every
/// cycle an overrun, which is why the cerebellum's loop moves its schedule by <see cref="TakeCorrectionNs"/> instead. That is the price of leaving the reference clock
/// free-running; making the reference follow the host ("master clock" mode, writing the reference's offset) is not done.
/// </remarks>
public sealed class DcLoopPacing
{
    private long _pendingNs;

    /// <summary>Creates the pacing around a phase lock (configuration phase).</summary>
    public DcLoopPacing(DcPhaseLock phaseLock) => PhaseLock = phaseLock ?? throw new ArgumentNullException(nameof(phaseLock));

    /// <summary>The PI controller (phase error, correction, gains).</summary>
    public DcPhaseLock PhaseLock { get; }

    /// <summary>How far the loop's deadlines are moved now, ns (sum of the corrections applied).</summary>
    public long ShiftNs { get; private set; }

    /// <summary>Reference clock times observed.</summary>
    public long Observations { get; private set; }

    /// <summary>Feeds the reference clock's system time seen by this cycle's frame (call after a good exchange only).</summary>
    public void Observe(long referenceClockTimeNs)
    {
        _pendingNs += PhaseLock.Update(referenceClockTimeNs);
        Observations++;
    }

    /// <summary>
    /// Applies the pending correction and returns it (0 when no good frame came since the last call): a loop that moves
    /// its own schedule by this each cycle (the cerebellum's <c>CycleLoop</c> through <c>DcLockedPacer</c>) measures its
    /// lateness and overruns against the deadlines it really waits for, however far the shift has drifted.
    /// </summary>
    public long TakeCorrectionNs()
    {
        long correction = _pendingNs;
        ShiftNs += correction;
        _pendingNs = 0;
        return correction;
    }

    /// <summary>The deadline to really wait for: <paramref name="deadlineNs"/> of the loop's grid plus the shift, after applying the pending correction.</summary>
    public long ShiftDeadlineNs(long deadlineNs)
    {
        ShiftNs += _pendingNs;
        _pendingNs = 0;
        return deadlineNs + ShiftNs;
    }

    /// <summary>Forgets the integral and any pending correction (after a pause of the loop); the shift stays.</summary>
    public void Reset()
    {
        PhaseLock.Reset();
        _pendingNs = 0;
    }
}
