using System.Numerics;

namespace Controller.Cerebellum.Loop;

/// <summary>
/// A fixed-memory log-linear histogram of non-negative durations (ns), in the manner of HdrHistogram: values
/// below 64 ns get a bucket each; above, every power of two is split into 32 buckets, so a reported
/// percentile is within 1/32 (3.1 %) of the true value. Recording is a few integer operations and never
/// allocates, so the loop thread records every cycle. Values over 2^40 ns (~18 min) land in the last bucket.
/// Not thread-safe: one thread records; read it from that thread (or after it stopped).
/// </summary>
public sealed class LatencyHistogram
{
    private const int LinearLimit = 64;
    private const int SubBuckets = 32;
    private const int MaxMagnitude = 40;

    /// <summary>Number of buckets: the linear ones, 32 for each power of two from 2^6 to 2^39, and one overflow bucket.</summary>
    public const int BucketCount = LinearLimit + (MaxMagnitude - 6) * SubBuckets + 1;

    private readonly long[] _counts = new long[BucketCount];

    /// <summary>Values recorded.</summary>
    public long Count { get; private set; }

    /// <summary>Largest value recorded (exact); 0 when empty.</summary>
    public long Max { get; private set; }

    /// <summary>Sum of values recorded (for the mean).</summary>
    public long Sum { get; private set; }

    /// <summary>Records <paramref name="valueNs"/>; negative values count as 0.</summary>
    public void Record(long valueNs)
    {
        if (valueNs < 0) valueNs = 0;
        _counts[BucketOf(valueNs)]++;
        Count++;
        Sum += valueNs;
        if (valueNs > Max) Max = valueNs;
    }

    /// <summary>Forgets every value.</summary>
    public void Reset()
    {
        Array.Clear(_counts);
        Count = Max = Sum = 0;
    }

    /// <summary>
    /// The value at <paramref name="fraction"/> (0..1) of the distribution: the upper bound of the bucket holding
    /// that rank, capped at <see cref="Max"/>, so it never under-reports. 0 when empty.
    /// </summary>
    public long Percentile(double fraction)
    {
        if (Count == 0) return 0;
        long rank = Math.Max(1, (long)Math.Ceiling(Math.Clamp(fraction, 0, 1) * Count));
        long seen = 0;
        for (int bucket = 0; bucket < BucketCount; bucket++)
        {
            seen += _counts[bucket];
            if (seen >= rank) return Math.Min(UpperBoundOf(bucket), Max);
        }
        return Max;
    }

    /// <summary>
    /// Several percentiles in one pass over the buckets (the loop publishes p50 and p99 every few cycles):
    /// <paramref name="fractions"/> must be ascending; results go to <paramref name="results"/>. No allocation.
    /// </summary>
    /// <exception cref="ArgumentException">When the spans differ in length or the fractions are not ascending.</exception>
    public void Percentiles(ReadOnlySpan<double> fractions, Span<long> results)
    {
        if (fractions.Length != results.Length) throw new ArgumentException("fractions and results must have the same length.", nameof(results));
        for (int i = 1; i < fractions.Length; i++)
            if (fractions[i] < fractions[i - 1]) throw new ArgumentException("fractions must be ascending.", nameof(fractions));
        if (Count == 0)
        {
            results.Clear();
            return;
        }
        int next = 0;
        long seen = 0;
        for (int bucket = 0; bucket < BucketCount && next < fractions.Length; bucket++)
        {
            seen += _counts[bucket];
            while (next < fractions.Length && seen >= Math.Max(1, (long)Math.Ceiling(Math.Clamp(fractions[next], 0, 1) * Count)))
            {
                results[next++] = Math.Min(UpperBoundOf(bucket), Max);
            }
        }
        while (next < fractions.Length) results[next++] = Max;
    }

    /// <summary>Bucket index of <paramref name="valueNs"/> (≥ 0).</summary>
    internal static int BucketOf(long valueNs)
    {
        if (valueNs < LinearLimit) return (int)valueNs;
        int magnitude = 63 - BitOperations.LeadingZeroCount((ulong)valueNs);
        if (magnitude >= MaxMagnitude) return BucketCount - 1;
        int shift = magnitude - 5;
        return LinearLimit + (magnitude - 6) * SubBuckets + (int)((valueNs >> shift) - SubBuckets);
    }

    /// <summary>Smallest value that falls in <paramref name="bucket"/>.</summary>
    internal static long LowerBoundOf(int bucket)
    {
        if (bucket < LinearLimit) return bucket;
        int magnitude = (bucket - LinearLimit) / SubBuckets + 6;
        int sub = (bucket - LinearLimit) % SubBuckets + SubBuckets;
        return (long)sub << (magnitude - 5);
    }

    /// <summary>Largest value that falls in <paramref name="bucket"/>.</summary>
    internal static long UpperBoundOf(int bucket) =>
        bucket == BucketCount - 1 ? long.MaxValue : LowerBoundOf(bucket + 1) - 1;
}
