namespace Controller.Cerebellum.Loop;

/// <summary>
/// What every component learns about the current cycle. The loop reads the clock once per cycle, on
/// waking, and passes that reading down: components never read the clock themselves.
/// </summary>
/// <param name="Cycle">Cycle number, from 0.</param>
/// <param name="NowNs">Monotonic time the cycle woke (ns).</param>
/// <param name="DeadlineNs">The absolute deadline this cycle was scheduled for (ns); <c>NowNs - DeadlineNs</c> is its lateness.</param>
/// <param name="NominalPeriodNs">The configured period (ns).</param>
/// <param name="MeasuredPeriodNs">Time since the previous cycle woke (ns); the nominal period on the first cycle.</param>
public readonly record struct CycleTime(long Cycle, long NowNs, long DeadlineNs, long NominalPeriodNs, long MeasuredPeriodNs)
{
    /// <summary>The nominal period in seconds, for controllers that integrate.</summary>
    public double NominalPeriodS => NominalPeriodNs * 1e-9;

    /// <summary>The measured period in seconds.</summary>
    public double MeasuredPeriodS => MeasuredPeriodNs * 1e-9;
}
