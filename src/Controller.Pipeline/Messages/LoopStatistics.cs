namespace Controller.Pipeline.Messages;

/// <summary>
/// The real-time loop's health, published by the loop through a mailbox for telemetry. Lateness is how
/// long after its deadline a cycle woke; compute is how long Read → Update → Write took.
/// </summary>
public struct LoopStatistics
{
    /// <summary>Sequence and the time the figures were taken.</summary>
    public MessageHeader Header;

    /// <summary>Cycles completed.</summary>
    public long Cycles;

    /// <summary>Cycles whose work ran past the next deadline.</summary>
    public long Overruns;

    /// <summary>Nominal period (ns).</summary>
    public long PeriodNs;

    /// <summary>Median wake-up lateness (ns).</summary>
    public long LatenessP50Ns;

    /// <summary>99th-percentile wake-up lateness (ns).</summary>
    public long LatenessP99Ns;

    /// <summary>Worst wake-up lateness (ns).</summary>
    public long LatenessMaxNs;

    /// <summary>Median compute time per cycle (ns).</summary>
    public long ComputeP50Ns;

    /// <summary>99th-percentile compute time per cycle (ns).</summary>
    public long ComputeP99Ns;

    /// <summary>Worst compute time per cycle (ns).</summary>
    public long ComputeMaxNs;

    /// <summary>Faults counted on the cycle path (timeouts, CRC errors, lost devices, NaN commands).</summary>
    public long Faults;
}
