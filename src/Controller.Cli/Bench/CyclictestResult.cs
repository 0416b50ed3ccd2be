namespace Controller.Cli.Bench;

/// <summary>Wake-up latency figures parsed from cyclictest's histogram output (µs, cyclictest's resolution).</summary>
/// <param name="Samples">Cycles measured, histogram overflows included.</param>
/// <param name="P50Us">Median latency.</param>
/// <param name="P99Us">99th-percentile latency.</param>
/// <param name="P999Us">99.9th-percentile latency.</param>
/// <param name="MaxUs">Worst latency.</param>
/// <param name="Overflows">Samples above the histogram's range (counted at <paramref name="MaxUs"/>).</param>
/// <param name="Buckets">Latency (µs) → count, overflows included at the maximum; what <see cref="Combine"/> merges.</param>
public sealed record CyclictestResult(long Samples, long P50Us, long P99Us, long P999Us, long MaxUs, long Overflows,
    IReadOnlyDictionary<long, long> Buckets)
{
    /// <summary>The figures of several runs taken together, as if they were one run.</summary>
    public static CyclictestResult? Combine(IEnumerable<CyclictestResult> runs)
    {
        var buckets = new SortedDictionary<long, long>();
        long max = 0, overflows = 0;
        foreach (var run in runs)
        {
            foreach (var (latency, count) in run.Buckets) buckets[latency] = buckets.GetValueOrDefault(latency) + count;
            max = Math.Max(max, run.MaxUs);
            overflows += run.Overflows;
        }
        return buckets.Count == 0 ? null : FromBuckets(buckets, max, overflows);
    }

    /// <summary>Figures from a latency → count map whose overflows are already included at <paramref name="maxUs"/>.</summary>
    internal static CyclictestResult FromBuckets(SortedDictionary<long, long> buckets, long maxUs, long overflows)
    {
        long total = buckets.Values.Sum();
        return new CyclictestResult(total, Percentile(buckets, total, 0.50), Percentile(buckets, total, 0.99),
            Percentile(buckets, total, 0.999), maxUs, overflows, buckets);
    }

    private static long Percentile(SortedDictionary<long, long> buckets, long total, double fraction)
    {
        long rank = Math.Max(1, (long)Math.Ceiling(fraction * total));
        long seen = 0;
        foreach (var (latency, count) in buckets)
        {
            seen += count;
            if (seen >= rank) return latency;
        }
        return buckets.Keys.LastOrDefault();
    }
}
