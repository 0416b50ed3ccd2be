namespace Controller.Brain.Policies;

/// <summary>The output checks every chunk passes before publication. Pure and allocation-free.</summary>
public static class ChunkChecks
{
    /// <summary>
    /// Checks <paramref name="steps"/> rows of <paramref name="dim"/> values: all finite, inside
    /// [<paramref name="min"/>, <paramref name="max"/>] (empty: unbounded), and no jump above
    /// <paramref name="maxJump"/> between rows or from <paramref name="current"/> to row 0 (empty current: not checked).
    /// </summary>
    public static PolicyStepStatus Check(ReadOnlySpan<float> rows, int steps, int dim, ReadOnlySpan<float> min, ReadOnlySpan<float> max,
        float maxJump, ReadOnlySpan<float> current)
    {
        int n = steps * dim;
        for (int i = 0; i < n; i++) if (!float.IsFinite(rows[i])) return PolicyStepStatus.RejectedNotFinite;
        if (!min.IsEmpty && !max.IsEmpty)
            for (int i = 0; i < n; i++) { int j = i % dim; if (rows[i] < min[j] || rows[i] > max[j]) return PolicyStepStatus.RejectedOutOfRange; }
        if (float.IsFinite(maxJump))
        {
            if (!current.IsEmpty) for (int j = 0; j < dim; j++) if (MathF.Abs(rows[j] - current[j]) > maxJump) return PolicyStepStatus.RejectedJump;
            for (int i = dim; i < n; i++) if (MathF.Abs(rows[i] - rows[i - dim]) > maxJump) return PolicyStepStatus.RejectedJump;
        }
        return PolicyStepStatus.Published;
    }
}
