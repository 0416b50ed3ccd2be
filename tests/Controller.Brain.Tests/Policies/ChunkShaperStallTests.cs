using Controller.Brain.Manifests;
using Controller.Brain.Policies;

namespace Controller.Brain.Tests.Policies;

/// <summary>
/// A brain that stalls longer than its committed chunk (a loaded machine, a slow model) shapes its next chunk against a
/// plan that has run out: the follower is holding the plan's last row, and that row is the seam.
/// </summary>
public class ChunkShaperStallTests
{
    private const long PeriodNs = 20_000_000, CallPeriodNs = 100_000_000;
    private const int Horizon = 10, Dim = 3;

    [Theory]
    [InlineData(ChunkStrategyKind.Replace)]
    [InlineData(ChunkStrategyKind.Queue)]
    [InlineData(ChunkStrategyKind.TemporalEnsemble)]
    [InlineData(ChunkStrategyKind.RealTimeChunking)]
    public void Shape_ObservationLongAfterThePlanRanOut_StartsFromThePlansLastRowWithoutThrowing(ChunkStrategyKind strategy)
    {
        var shaper = new ChunkShaper(strategy, Dim, PeriodNs, CallPeriodNs, maxVelocity: 2, maxAcceleration: 20, [-3, -3, -3], [3, 3, 3]);
        var first = Rows(0.0f, 0.01f);
        shaper.Shape(first, Horizon, 1_000_000_000, 0, [0, 0, 0], out _);
        shaper.Commit();
        float[] lastRow = shaper.Plan.Slice((Horizon - 1) * Dim, Dim).ToArray();

        // Ten plans' worth later: far beyond the committed rows (and the shaper's buffers).
        long late = 1_000_000_000 + 10L * Horizon * PeriodNs * 64;
        int steps = shaper.Shape(Rows(0.5f, 0.0f), Horizon, late, 0, [0, 0, 0], out long startNs);

        Assert.InRange(steps, 1, Horizon * 2);
        Assert.Equal(late, startNs);
        // Row 0 moves away from the held row by at most one velocity-limited step.
        for (int j = 0; j < Dim; j++) Assert.InRange(shaper.Output[j] - lastRow[j], -2f * PeriodNs * 1e-9f - 1e-6f, 2f * PeriodNs * 1e-9f + 1e-6f);
    }

    private static float[] Rows(float start, float step)
    {
        var rows = new float[Horizon * Dim];
        for (int s = 0; s < Horizon; s++) for (int j = 0; j < Dim; j++) rows[s * Dim + j] = start + s * step;
        return rows;
    }
}
