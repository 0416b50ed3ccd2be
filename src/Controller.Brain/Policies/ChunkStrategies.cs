namespace Controller.Brain.Policies;

/// <summary>
/// How a fresh chunk meets the unexecuted rest of the current one. Pure functions over step-major rows
/// (row s at s × dim), both aligned at the same time (row 0 = now); they write the plan to publish into
/// <c>output</c> and return its row count. Allocation-free.
/// </summary>
public static class ChunkStrategies
{
    /// <summary>ACT's temporal-ensembling coefficient (weights exp(−m·i), i = 0 for the oldest prediction).</summary>
    public const float ActEnsembleCoefficient = 0.01f;

    /// <summary>Queue: finish the pending rows, then the fresh ones (LeRobot's n_action_steps queue); capped at <paramref name="capacity"/>.</summary>
    public static int Queue(ReadOnlySpan<float> pending, int pendingSteps, ReadOnlySpan<float> fresh, int freshSteps, int dim, int capacity, Span<float> output)
    {
        int p = Math.Min(pendingSteps, capacity), f = Math.Min(freshSteps, capacity - p);
        pending[..(p * dim)].CopyTo(output);
        fresh[..(f * dim)].CopyTo(output[(p * dim)..]);
        return p + f;
    }

    /// <summary>
    /// ACT temporal ensembling: each row is the exp(−m·i)-weighted mean of every prediction made for its time,
    /// the oldest weighted most. <paramref name="pendingCounts"/>[s] is how many predictions row s already
    /// averages; the fresh prediction gets weight exp(−m·count). Output has <paramref name="freshSteps"/> rows.
    /// </summary>
    public static int TemporalEnsemble(ReadOnlySpan<float> pending, ReadOnlySpan<int> pendingCounts, int pendingSteps,
        ReadOnlySpan<float> fresh, int freshSteps, int dim, float m, Span<float> output, Span<int> outputCounts)
    {
        for (int s = 0; s < freshSteps; s++)
        {
            if (s < pendingSteps && pendingCounts[s] > 0)
            {
                int c = pendingCounts[s];
                // Σ_{i<c} e^{−m i} and the new weight e^{−m c}, as in LeRobot's ACTTemporalEnsembler.
                float old = (1 - MathF.Exp(-m * c)) / (1 - MathF.Exp(-m)), w = MathF.Exp(-m * c);
                if (m == 0) old = c;
                for (int j = 0; j < dim; j++) output[s * dim + j] = (pending[s * dim + j] * old + fresh[s * dim + j] * w) / (old + w);
                outputCounts[s] = c + 1;
            }
            else
            {
                fresh.Slice(s * dim, dim).CopyTo(output[(s * dim)..]);
                outputCounts[s] = 1;
            }
        }
        return freshSteps;
    }

    /// <summary>
    /// Real-time chunking (Black et al., 2025, soft masking): rows before <paramref name="frozenSteps"/> (those
    /// executed while the fresh chunk was computed) stay as pending; over the rest of the pending rows the
    /// weight of the old plan decays as c·(e^c − 1)/(e − 1), c = (P − s)/(P − d + 1); after them, fresh rows.
    /// </summary>
    public static int RealTimeChunking(ReadOnlySpan<float> pending, int pendingSteps, ReadOnlySpan<float> fresh, int freshSteps,
        int dim, int frozenSteps, Span<float> output)
    {
        for (int s = 0; s < freshSteps; s++)
        {
            float keep = OldWeight(s, pendingSteps, frozenSteps);
            for (int j = 0; j < dim; j++)
            {
                int i = s * dim + j;
                output[i] = keep == 0 ? fresh[i] : keep * pending[i] + (1 - keep) * fresh[i];
            }
        }
        return freshSteps;
    }

    /// <summary>The weight of the old plan at row <paramref name="s"/> in <see cref="RealTimeChunking"/>.</summary>
    public static float OldWeight(int s, int pendingSteps, int frozenSteps)
    {
        int d = Math.Min(frozenSteps, pendingSteps);
        if (s >= pendingSteps) return 0;
        if (s < d) return 1;
        float c = (float)(pendingSteps - s) / (pendingSteps - d + 1);
        return c * (MathF.Exp(c) - 1) / (MathF.E - 1);
    }
}
