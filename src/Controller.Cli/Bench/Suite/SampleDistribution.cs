namespace Controller.Cli.Bench.Suite;

/// <summary>Percentile points of a <see cref="LatencySamples"/> buffer (ns) in another unit.</summary>
public static class SampleDistribution
{
    /// <summary>The percentiles every sampled suite reports: p50, p90, p99, p99.9 and the maximum.</summary>
    public static readonly double[] Percentiles = [50, 90, 99, 99.9, 100];

    /// <summary>The points of <paramref name="samples"/>, each divided by <paramref name="nsPerUnit"/> (1000 for µs); empty without samples.</summary>
    public static IReadOnlyList<PercentilePoint> Of(LatencySamples samples, double nsPerUnit) =>
        samples.Count == 0 ? [] : Percentiles.Select(p => new PercentilePoint(p, samples.Percentile(p / 100) / nsPerUnit)).ToList();

    /// <summary>The value at <paramref name="percentile"/> in <paramref name="points"/>, or null.</summary>
    public static double? At(IReadOnlyList<PercentilePoint> points, double percentile) =>
        points.FirstOrDefault(p => p.Percentile == percentile)?.Value;
}
