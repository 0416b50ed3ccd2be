using System.Text.Json.Nodes;

namespace Controller.Runtime.Recording.Export;

/// <summary><c>meta/stats.json</c>: per feature and per dimension, min, max, mean, standard deviation (population) and count.</summary>
internal static class LeRobotStats
{
    public static JsonObject Compute(IReadOnlyList<LeRobotFrame> frames, bool wrench)
    {
        var stats = new JsonObject
        {
            ["observation.state"] = Feature(frames.Select(f => f.ObservationState.Select(v => (double)v).ToArray())),
            ["action"] = Feature(frames.Select(f => f.Action.Select(v => (double)v).ToArray())),
        };
        if (wrench)
        {
            stats["observation.wrench"] = Feature(frames.Cast<LeRobotWrenchFrame>().Select(f => f.ObservationWrench.Select(v => (double)v).ToArray()));
        }

        stats["timestamp"] = Feature(frames.Select(f => new[] { (double)f.Timestamp }));
        stats["frame_index"] = Feature(frames.Select(f => new[] { (double)f.FrameIndex }));
        stats["episode_index"] = Feature(frames.Select(f => new[] { (double)f.EpisodeIndex }));
        stats["index"] = Feature(frames.Select(f => new[] { (double)f.Index }));
        stats["task_index"] = Feature(frames.Select(f => new[] { (double)f.TaskIndex }));
        return stats;
    }

    private static JsonObject Feature(IEnumerable<double[]> rows)
    {
        double[][] all = rows.ToArray();
        int n = all[0].Length;
        var min = new double[n];
        var max = new double[n];
        var mean = new double[n];
        var std = new double[n];
        for (int d = 0; d < n; d++)
        {
            // Welford: one pass, stable for long recordings.
            double m = 0, s = 0, lo = double.PositiveInfinity, hi = double.NegativeInfinity;
            for (int i = 0; i < all.Length; i++)
            {
                double x = all[i][d];
                double delta = x - m;
                m += delta / (i + 1);
                s += delta * (x - m);
                lo = Math.Min(lo, x);
                hi = Math.Max(hi, x);
            }

            (min[d], max[d], mean[d], std[d]) = (lo, hi, m, Math.Sqrt(s / all.Length));
        }

        return new JsonObject
        {
            ["min"] = Array(min),
            ["max"] = Array(max),
            ["mean"] = Array(mean),
            ["std"] = Array(std),
            ["count"] = new JsonArray(all.Length),
        };
    }

    private static JsonArray Array(double[] values) => new(values.Select(v => (JsonNode?)v).ToArray());
}
