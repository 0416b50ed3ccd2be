namespace Controller.Cerebellum.Loop;

/// <summary>
/// What the loop waits on between cycles: an absolute-deadline timer, a device (a blocking read, an
/// EtherCAT frame's return), or, in tests, a manual clock.
/// </summary>
public interface IPacer
{
    /// <summary>The clock this pacer's times are on (monotonic ns).</summary>
    long NowNs();

    /// <summary>Blocks until <paramref name="deadlineNs"/> (or the device's signal) and returns the time on waking.</summary>
    long WaitUntil(long deadlineNs);

    /// <summary>
    /// The deadline the loop's schedule moves to before it waits: the scheduled one, unless the pacer locks the loop to
    /// an outside clock (EtherCAT distributed clocks), in which case the schedule itself moves so lateness and overruns
    /// are measured against the deadlines really waited for. Called once per cycle on the loop thread.
    /// </summary>
    long AdjustDeadlineNs(long scheduledNs) => scheduledNs;
}
