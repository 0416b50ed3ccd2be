namespace Controller.Brain.Policies;

/// <summary>
/// Makes a chunk executable: per joint, from the last commanded position and step, clamps each row's step
/// to ±<c>maxStep</c> and its change of step to ±<c>maxStepChange</c> (velocity and acceleration per row),
/// and positions to [min, max]. Position and velocity limits always hold (from a start inside them); the
/// acceleration limit yields only where a position limit forces a stop, and those rows are counted. With
/// bounded acceleration the third difference (jerk) is bounded by 2 × maxStepChange.
/// </summary>
public static class ChunkLimiter
{
    /// <summary>Limits <paramref name="rows"/> in place; returns how many joint-rows broke the acceleration bound to respect a position limit.</summary>
    public static int Apply(Span<float> rows, int steps, int dim, ReadOnlySpan<float> lastPosition, ReadOnlySpan<float> lastStep,
        float maxStep, float maxStepChange, ReadOnlySpan<float> min, ReadOnlySpan<float> max)
    {
        int forced = 0;
        for (int j = 0; j < dim; j++)
        {
            float p = lastPosition[j], v = Math.Clamp(lastStep[j], -maxStep, maxStep);
            for (int s = 0; s < steps; s++)
            {
                int i = s * dim + j;
                float lo = MathF.Max(-maxStep, v - maxStepChange), hi = MathF.Min(maxStep, v + maxStepChange);
                float step = Math.Clamp(rows[i] - p, lo, hi);
                float next = Math.Clamp(p + step, min[j], max[j]);
                if (next != p + step) forced++;
                v = next - p;
                p = next;
                rows[i] = p;
            }
        }
        return forced;
    }
}
