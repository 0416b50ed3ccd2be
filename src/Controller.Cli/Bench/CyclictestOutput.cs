using System.Globalization;

namespace Controller.Cli.Bench;

/// <summary>
/// Parses the output of <c>cyclictest -q -t 1 -h N</c>: histogram lines <c>"000063 000310"</c> (latency in µs,
/// count) and summary lines <c>"# Max Latencies: 03543"</c>, <c>"# Histogram Overflows: 00005"</c>.
/// Samples beyond the histogram count at the maximum, so percentiles never under-report.
/// </summary>
public static class CyclictestOutput
{
    /// <summary>
    /// Parses <paramref name="text"/>. Returns null and sets <paramref name="error"/> when the text holds no
    /// histogram (cyclictest failed, or was run without <c>-h</c>); never throws.
    /// </summary>
    public static CyclictestResult? Parse(string? text, out string? error)
    {
        error = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            error = "cyclictest printed nothing";
            return null;
        }
        var buckets = new SortedDictionary<long, long>();
        long max = -1, overflows = 0;
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.StartsWith('#'))
            {
                if (TryField(line, "# Max Latencies:", out long m)) max = m;
                else if (TryField(line, "# Histogram Overflows:", out long o)) overflows = o;
                continue;
            }
            var parts = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length == 2 && TryCount(parts[0], out long latency) && TryCount(parts[1], out long count) && count > 0)
            {
                buckets[latency] = buckets.GetValueOrDefault(latency) + count;
            }
        }
        long inHistogram = buckets.Values.Sum();
        if (inHistogram + overflows == 0)
        {
            error = "cyclictest output has no histogram samples: " + FirstLine(text);
            return null;
        }
        // The summary's maximum should be the largest latency seen; trust the histogram if they disagree.
        max = Math.Max(max, buckets.Count > 0 ? buckets.Keys.Max() : 0);
        if (overflows > 0) buckets[max] = buckets.GetValueOrDefault(max) + overflows;
        return CyclictestResult.FromBuckets(buckets, max, overflows);
    }

    private static bool TryField(string line, string prefix, out long value)
    {
        value = 0;
        if (!line.StartsWith(prefix, StringComparison.Ordinal)) return false;
        var rest = line[prefix.Length..].Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        return rest.Length > 0 && TryCount(rest[0], out value);
    }

    private static bool TryCount(string text, out long value) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value < long.MaxValue / 4;

    private static string FirstLine(string text)
    {
        var line = text.Trim().Split('\n')[0].Trim();
        return line.Length > 200 ? line[..200] : line;
    }
}
