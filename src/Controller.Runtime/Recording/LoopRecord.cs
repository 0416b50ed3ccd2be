namespace Controller.Runtime.Recording;

/// <summary>The loop's published statistics at one moment.</summary>
/// <param name="TimeNs">Nanoseconds since the episode started.</param>
/// <param name="Cycles">Cycles completed.</param>
/// <param name="Overruns">Cycles that ran past the next deadline.</param>
/// <param name="LatenessP50Ns">Median wake-up lateness (ns).</param>
/// <param name="LatenessP99Ns">99th-percentile wake-up lateness (ns).</param>
/// <param name="LatenessMaxNs">Worst wake-up lateness (ns).</param>
/// <param name="ComputeP99Ns">99th-percentile cycle compute time (ns).</param>
public sealed record LoopRecord(long TimeNs, long Cycles, long Overruns, long LatenessP50Ns, long LatenessP99Ns, long LatenessMaxNs, long ComputeP99Ns)
    : EpisodeRecord(TimeNs)
{
    /// <inheritdoc />
    public override RecordKind Kind => RecordKind.Loop;
}
