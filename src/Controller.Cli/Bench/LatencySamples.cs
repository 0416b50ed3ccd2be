namespace Controller.Cli.Bench;

/// <summary>A preallocated buffer of latency samples (ns) and their percentiles.</summary>
public sealed class LatencySamples
{
    private readonly long[] _samples;

    /// <summary>Creates a buffer for at most <paramref name="capacity"/> samples.</summary>
    public LatencySamples(int capacity) => _samples = new long[capacity];

    /// <summary>Samples recorded.</summary>
    public int Count { get; private set; }

    /// <summary>True when no more samples fit.</summary>
    public bool IsFull => Count == _samples.Length;

    /// <summary>Records one sample; ignored when full.</summary>
    public void Add(long ns)
    {
        if (Count < _samples.Length) _samples[Count++] = ns;
    }

    /// <summary>Forgets every sample (after a warm-up).</summary>
    public void Clear() => Count = 0;

    /// <summary>The <paramref name="fraction"/> percentile (nearest rank below), or 0 with no samples. Sorts in place.</summary>
    public long Percentile(double fraction)
    {
        if (Count == 0) return 0;
        Array.Sort(_samples, 0, Count);
        return _samples[(int)((Count - 1) * fraction)];
    }
}
