using Controller.Cerebellum.Loop;
using FsCheck;
using FsCheck.Fluent;

namespace Controller.Cerebellum.Tests.Loop;

public class LatencyHistogramTests
{
    [Fact]
    public void BucketOf_AnyNonNegativeValue_LiesWithinItsBucketWhoseWidthIsAtMostOne32nd()
    {
        Prop.ForAll(ArbMap.Default.ArbFor<long>(), raw =>
        {
            long value = raw == long.MinValue ? 0 : Math.Abs(raw) >> (int)(Math.Abs(raw) % 40);
            int bucket = LatencyHistogram.BucketOf(value);
            long lower = LatencyHistogram.LowerBoundOf(bucket), upper = LatencyHistogram.UpperBoundOf(bucket);
            bool inside = lower <= value && value <= upper;
            bool narrow = bucket == LatencyHistogram.BucketCount - 1 || (upper - lower + 1) <= Math.Max(1, lower / 32);
            return inside && narrow;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Buckets_Consecutive_TileTheRangeWithoutGapsOrOverlap()
    {
        for (int bucket = 0; bucket < LatencyHistogram.BucketCount - 1; bucket++)
        {
            Assert.Equal(LatencyHistogram.UpperBoundOf(bucket) + 1, LatencyHistogram.LowerBoundOf(bucket + 1));
            Assert.Equal(bucket, LatencyHistogram.BucketOf(LatencyHistogram.LowerBoundOf(bucket)));
        }
    }

    [Fact]
    public void Percentile_AnySamples_IsNeverBelowTheExactValueAndWithinOne32ndAbove()
    {
        Prop.ForAll(ArbMap.Default.ArbFor<int[]>().Filter(a => a.Length > 0), ArbMap.Default.ArbFor<byte>(), (raw, p) =>
        {
            var values = raw.Select(v => (long)Math.Abs((long)v)).ToArray();
            var histogram = new LatencyHistogram();
            foreach (var v in values) histogram.Record(v);
            double fraction = p / 255.0;
            var sorted = values.Order().ToArray();
            long exact = sorted[Math.Max(0, (int)Math.Ceiling(fraction * sorted.Length) - 1)];
            long reported = histogram.Percentile(fraction);
            return reported >= exact && reported <= exact + Math.Max(0, exact / 32) + 1 && histogram.Max == sorted[^1];
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Record_NegativeValue_CountsAsZero()
    {
        var histogram = new LatencyHistogram();
        histogram.Record(-5);

        Assert.Equal(1, histogram.Count);
        Assert.Equal(0, histogram.Percentile(1));
    }

    [Fact]
    public void Record_HugeValue_LandsInLastBucketAndMaxIsExact()
    {
        var histogram = new LatencyHistogram();
        histogram.Record(long.MaxValue);

        Assert.Equal(long.MaxValue, histogram.Max);
        Assert.Equal(long.MaxValue, histogram.Percentile(0.5));
    }

    [Fact]
    public void Record_MillionValues_AllocatesNothing()
    {
        var histogram = new LatencyHistogram();
        histogram.Record(1);
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (long i = 0; i < 1_000_000; i++) histogram.Record(i * 37 % 5_000_000);
        long p99 = histogram.Percentile(0.99);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Assert.True(p99 > 0);
    }

    [Fact]
    public void Reset_AfterRecording_EmptiesEverything()
    {
        var histogram = new LatencyHistogram();
        histogram.Record(1000);
        histogram.Reset();

        Assert.Equal(0, histogram.Count);
        Assert.Equal(0, histogram.Max);
        Assert.Equal(0, histogram.Percentile(0.99));
    }

    [Fact]
    public void Percentiles_OnePass_MatchesPercentileForEachFraction()
    {
        Prop.ForAll(ArbMap.Default.ArbFor<int[]>().Filter(a => a.Length > 0), raw =>
        {
            var histogram = new LatencyHistogram();
            foreach (var v in raw) histogram.Record(Math.Abs((long)v));
            double[] fractions = [0, 0.25, 0.5, 0.9, 0.99, 0.999, 1];
            var results = new long[fractions.Length];
            histogram.Percentiles(fractions, results);
            return fractions.Select(histogram.Percentile).SequenceEqual(results);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Percentiles_FractionsNotAscending_Throws() =>
        Assert.Throws<ArgumentException>(() => new LatencyHistogram().Percentiles([0.9, 0.5], new long[2]));
}
