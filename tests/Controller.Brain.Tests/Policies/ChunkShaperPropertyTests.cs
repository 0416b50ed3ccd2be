using Controller.Brain.Manifests;
using Controller.Brain.Policies;
using FsCheck;
using FsCheck.Fluent;

namespace Controller.Brain.Tests.Policies;

/// <summary>
/// The shaper between a policy and the ring, driven like the runner drives it: fresh chunks at irregular times, each
/// published chunk executed on the row grid until the next one replaces it. The properties hold on the executed rows.
/// </summary>
public class ChunkShaperPropertyTests
{
    private const long PeriodNs = 20_000_000, CallPeriodNs = 100_000_000;
    private const int Horizon = 20;

    private static Arbitrary<int> Seeds => Gen.Choose(0, int.MaxValue - 1).ToArbitrary();

    private static float[] Wild(Random rng, int dim, float[] around)
    {
        // Anything inside ±1.5 rad, sometimes smooth, sometimes jumping row to row: the limiter must cope with both.
        var rows = new float[Horizon * dim];
        bool smooth = rng.Next(2) == 0;
        for (int j = 0; j < dim; j++)
        {
            float p = Math.Clamp(around[j] + (float)(rng.NextDouble() - 0.5), -1.5f, 1.5f);
            for (int s = 0; s < Horizon; s++)
            {
                p = smooth ? Math.Clamp(p + (float)(rng.NextDouble() - 0.5) * 0.05f, -1.5f, 1.5f) : (float)(rng.NextDouble() * 3 - 1.5);
                rows[s * dim + j] = p;
            }
        }
        return rows;
    }

    /// <summary>Runs calls and returns the rows the follower executes on the grid, preceded by the start twice (at rest).</summary>
    private static (List<float[]> Executed, ChunkShaper Shaper) Drive(int seed, ChunkStrategyKind strategy, float maxVelocity, float maxAcceleration, float limit)
    {
        var rng = new Random(seed);
        int dim = rng.Next(1, 7);
        var lo = Enumerable.Repeat(-limit, dim).ToArray();
        var hi = Enumerable.Repeat(limit, dim).ToArray();
        var shaper = new ChunkShaper(strategy, dim, PeriodNs, CallPeriodNs, maxVelocity, maxAcceleration, lo, hi);
        var start = Enumerable.Range(0, dim).Select(_ => (float)(rng.NextDouble() - 0.5)).ToArray();
        var executed = new List<float[]> { start, start };
        long t = 1_000_000_000 + rng.Next(0, (int)PeriodNs);
        int calls = rng.Next(2, 25);
        for (int c = 0; c < calls; c++)
        {
            var fresh = Wild(rng, dim, executed[^1]);
            long inferenceNs = rng.Next(0, 3 * (int)PeriodNs);
            int steps = shaper.Shape(fresh, Horizon, t, inferenceNs, start, out long startNs);
            {
                // The old plan ran from its start up to the new chunk's row 0.
                if (c > 0)
                {
                    int ran = (int)((startNs - shaper.PlanStartNs) / PeriodNs);
                    for (int s = 0; s < ran; s++) executed.Add(shaper.Plan.Slice(s * dim, dim).ToArray());
                }
                shaper.Commit();
            }
            t += rng.Next(1, 8) * PeriodNs + rng.Next(0, (int)PeriodNs);
            if (t - shaper.PlanStartNs >= (long)(shaper.Plan.Length / dim) * PeriodNs) t = shaper.PlanStartNs + (shaper.Plan.Length / dim - 1) * PeriodNs;
        }
        for (int s = 0; s < shaper.Plan.Length / dim; s++) executed.Add(shaper.Plan.Slice(s * dim, dim).ToArray());
        return (executed, shaper);
    }

    [Theory]
    [InlineData(ChunkStrategyKind.Replace)]
    [InlineData(ChunkStrategyKind.Queue)]
    [InlineData(ChunkStrategyKind.TemporalEnsemble)]
    [InlineData(ChunkStrategyKind.RealTimeChunking)]
    public void Shape_AnyChunks_ExecutedRowsStayWithinStepAccelerationJerkAndPositionLimits(ChunkStrategyKind strategy)
    {
        const float maxVelocity = 2, maxAcceleration = 8, limit = 1.6f;
        float maxStep = maxVelocity * 0.02f, maxStepChange = maxAcceleration * 0.02f * 0.02f, eps = 2e-5f;
        Prop.ForAll(Seeds, seed =>
        {
            var (x, shaper) = Drive(seed, strategy, maxVelocity, maxAcceleration, limit);
            int dim = x[0].Length;
            for (int n = 1; n < x.Count; n++)
            {
                for (int j = 0; j < dim; j++)
                {
                    if (x[n][j] < -limit - eps || x[n][j] > limit + eps) return false;                     // no position beyond limits
                    float step = x[n][j] - x[n - 1][j];
                    if (MathF.Abs(step) > maxStep + eps) return false;                                     // no step beyond the velocity limit
                    if (shaper.ForcedRows > 0 || n < 2) continue;
                    float change = step - (x[n - 1][j] - x[n - 2][j]);
                    if (MathF.Abs(change) > maxStepChange + eps) return false;                             // continuity of velocity at every seam
                    if (n >= 3)
                    {
                        float jerk = change - ((x[n - 1][j] - x[n - 2][j]) - (x[n - 2][j] - x[n - 3][j]));
                        if (MathF.Abs(jerk) > 2 * maxStepChange + eps) return false;                       // bounded jerk
                    }
                }
            }
            return true;
        }).QuickCheckThrowOnFailure();
    }

    [Theory]
    [InlineData(ChunkStrategyKind.Queue)]
    [InlineData(ChunkStrategyKind.RealTimeChunking)]
    public void Shape_NoLimits_RowsAlreadyExecutingAreKeptAtTheSeam(ChunkStrategyKind strategy)
    {
        Prop.ForAll(Seeds, seed =>
        {
            var rng = new Random(seed);
            int dim = rng.Next(1, 7);
            var shaper = new ChunkShaper(strategy, dim, PeriodNs, CallPeriodNs, float.PositiveInfinity, float.PositiveInfinity, [], []);
            var zero = new float[dim];
            shaper.Shape(Wild(rng, dim, zero), Horizon, 0, 0, zero, out _);
            shaper.Commit();
            for (int c = 0; c < 10; c++)
            {
                float[] old = shaper.Plan.ToArray();
                long oldStart = shaper.PlanStartNs;
                long t = oldStart + rng.Next(0, old.Length / dim) * PeriodNs + rng.Next(0, (int)PeriodNs);
                long inferenceNs = rng.Next(0, 4 * (int)PeriodNs);
                int steps = shaper.Shape(Wild(rng, dim, zero), Horizon, t, inferenceNs, zero, out long startNs);
                int k = (int)((startNs - oldStart) / PeriodNs), pending = old.Length / dim - k;
                bool kept = strategy == ChunkStrategyKind.Queue && pending * PeriodNs > CallPeriodNs;
                if (steps != (kept ? pending : strategy == ChunkStrategyKind.Queue ? pending + Horizon : Horizon)) return false;
                if (startNs > t || t - startNs >= PeriodNs || (startNs - oldStart) % PeriodNs != 0) return false; // on the old grid, at or before the observation
                int keep = strategy == ChunkStrategyKind.Queue ? pending
                    : Math.Min(pending, (int)((t - startNs + inferenceNs + PeriodNs - 1) / PeriodNs));
                for (int i = 0; i < keep * dim; i++) if (shaper.Output[i] != old[k * dim + i]) return false;
                shaper.Commit();
            }
            return true;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Shape_ReplaceWithoutLimits_PublishesFreshRowsAtTheObservationTime()
    {
        var shaper = new ChunkShaper(ChunkStrategyKind.Replace, 2, PeriodNs, CallPeriodNs, float.PositiveInfinity, float.PositiveInfinity, [], []);
        float[] fresh = [1, 2, 3, 4];
        Assert.Equal(2, shaper.Shape(fresh, 2, 5_000, 0, [0, 0], out long start));
        Assert.Equal(5_000, start);
        shaper.Commit();
        Assert.Equal(2, shaper.Shape(fresh, 2, 27_000_000, 0, [0, 0], out start));
        Assert.Equal(27_000_000, start);
        Assert.Equal(fresh, shaper.Output.ToArray());
    }

    [Fact]
    public void Shape_QueueWithRowsPastTheNextCall_RepublishesThePendingRows()
    {
        var shaper = new ChunkShaper(ChunkStrategyKind.Queue, 1, PeriodNs, CallPeriodNs, float.PositiveInfinity, float.PositiveInfinity, [], []);
        var fresh = Enumerable.Range(0, Horizon).Select(i => (float)i).ToArray();
        shaper.Shape(fresh, Horizon, 0, 0, [0], out _);
        shaper.Commit();
        Assert.Equal(15, shaper.Shape(fresh, Horizon, 5 * PeriodNs, 0, [0], out _));      // 15 rows left > 5 rows to the next call
        Assert.Equal(1, shaper.Kept);
        Assert.Equal(5f, shaper.Output[0]);
        shaper.Commit();
        Assert.Equal(4 + Horizon, shaper.Shape(fresh, Horizon, 16 * PeriodNs, 0, [0], out long start)); // 4 left (rows 16..19): pending ++ fresh
        Assert.Equal(16 * PeriodNs, start);
        Assert.Equal([16f, 17, 18, 19, 0, 1], shaper.Output[..6].ToArray());
    }
}
