using Controller.Brain.Policies;
using FsCheck;
using FsCheck.Fluent;

namespace Controller.Brain.Tests.Policies;

public class ChunkStrategyPropertyTests
{
    private static float[] Smooth(Random rng, int steps, int dim)
    {
        var rows = new float[steps * dim];
        for (int j = 0; j < dim; j++)
        {
            float p = (float)(rng.NextDouble() * 2 - 1), v = (float)(rng.NextDouble() * 0.1 - 0.05);
            for (int s = 0; s < steps; s++) { rows[s * dim + j] = p; p += v; v += (float)(rng.NextDouble() * 0.02 - 0.01); }
        }
        return rows;
    }

    private static Arbitrary<int> Seeds => Gen.Choose(0, int.MaxValue - 1).ToArbitrary();

    [Fact]
    public void RealTimeChunking_FrozenRowsKeptAndEveryRowBetweenOldAndNew()
    {
        Prop.ForAll(Seeds, seed =>
        {
            var rng = new Random(seed);
            int dim = rng.Next(1, 8), fresh = rng.Next(1, 100), pending = rng.Next(0, fresh + 1), frozen = rng.Next(0, pending + 1);
            float[] p = Smooth(rng, pending, dim), f = Smooth(rng, fresh, dim), o = new float[fresh * dim];
            ChunkStrategies.RealTimeChunking(p, pending, f, fresh, dim, frozen, o);
            for (int i = 0; i < fresh * dim; i++)
            {
                int s = i / dim;
                if (s < frozen && o[i] != p[i]) return false;            // continuity: what is executing does not change
                if (s >= pending && o[i] != f[i]) return false;
                if (s < pending && (o[i] < MathF.Min(p[i], f[i]) - 1e-6f || o[i] > MathF.Max(p[i], f[i]) + 1e-6f)) return false;
            }
            return true;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void RealTimeChunking_OldWeightDecreasesFromOneToZero()
    {
        Prop.ForAll(Seeds, seed =>
        {
            var rng = new Random(seed);
            int pending = rng.Next(1, 100), frozen = rng.Next(0, pending + 1);
            float last = 1;
            for (int s = 0; s <= pending; s++)
            {
                float w = ChunkStrategies.OldWeight(s, pending, frozen);
                if (w > last + 1e-6f || w < 0 || w > 1) return false;
                last = w;
            }
            return ChunkStrategies.OldWeight(pending, pending, frozen) == 0;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void TemporalEnsemble_RowsAreConvexAndCountsGrow()
    {
        Prop.ForAll(Seeds, seed =>
        {
            var rng = new Random(seed);
            int dim = rng.Next(1, 8), fresh = rng.Next(1, 100), pending = rng.Next(0, fresh + 1);
            float[] p = Smooth(rng, pending, dim), f = Smooth(rng, fresh, dim), o = new float[fresh * dim];
            int[] counts = Enumerable.Range(0, pending).Select(_ => rng.Next(1, 100)).ToArray(), outCounts = new int[fresh];
            ChunkStrategies.TemporalEnsemble(p, counts, pending, f, fresh, dim, ChunkStrategies.ActEnsembleCoefficient, o, outCounts);
            for (int i = 0; i < fresh * dim; i++)
            {
                int s = i / dim;
                if (s >= pending ? o[i] != f[i] || outCounts[s] != 1 : outCounts[s] != counts[s] + 1) return false;
                if (s < pending && (o[i] < MathF.Min(p[i], f[i]) - 1e-5f || o[i] > MathF.Max(p[i], f[i]) + 1e-5f)) return false;
            }
            return true;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void TemporalEnsemble_ThreePredictions_EqualsActWeightedMean()
    {
        // Predictions 1, 2, 4 for one time: ACT weights e^0, e^-0.01, e^-0.02 (oldest first).
        float[] o = new float[1];
        int[] c = new int[1];
        ChunkStrategies.TemporalEnsemble([1f], [1], 1, [2f], 1, 1, 0.01f, o, c);
        ChunkStrategies.TemporalEnsemble(o, c, 1, [4f], 1, 1, 0.01f, o, c);
        double w1 = Math.Exp(-0.01), w2 = Math.Exp(-0.02);
        Assert.Equal((1 + 2 * w1 + 4 * w2) / (1 + w1 + w2), o[0], 1e-5);
        Assert.Equal(3, c[0]);
    }

    [Fact]
    public void Queue_PendingFirstThenFresh_Capped()
    {
        Prop.ForAll(Seeds, seed =>
        {
            var rng = new Random(seed);
            int dim = rng.Next(1, 4), pending = rng.Next(0, 100), fresh = rng.Next(1, 100), cap = 128;
            float[] p = Smooth(rng, pending, dim), f = Smooth(rng, fresh, dim), o = new float[cap * dim];
            int n = ChunkStrategies.Queue(p, pending, f, fresh, dim, cap, o);
            return n == Math.Min(cap, pending + fresh)
                && o.AsSpan(0, pending * dim).SequenceEqual(p)
                && o.AsSpan(pending * dim, (n - pending) * dim).SequenceEqual(f.AsSpan(0, (n - pending) * dim));
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Limiter_NoStepBeyondLimitsAndBoundedJerk()
    {
        Prop.ForAll(Seeds, seed =>
        {
            var rng = new Random(seed);
            int dim = rng.Next(1, 6), steps = rng.Next(1, 128);
            float maxStep = (float)(0.01 + rng.NextDouble() * 0.1), maxChange = (float)(0.001 + rng.NextDouble() * 0.02);
            bool tightRange = rng.Next(2) == 0;
            float[] min = Enumerable.Repeat(tightRange ? -0.5f : -100f, dim).ToArray(), max = Enumerable.Repeat(tightRange ? 0.5f : 100f, dim).ToArray();
            // Wild input: jumps, spikes, far outside the range.
            var rows = Enumerable.Range(0, steps * dim).Select(_ => (float)(rng.NextDouble() * 4 - 2) * (rng.Next(10) == 0 ? 50 : 1)).ToArray();
            float[] last = Enumerable.Range(0, dim).Select(_ => (float)(rng.NextDouble() - 0.5) * 0.8f).ToArray();
            float[] lastStep = Enumerable.Range(0, dim).Select(_ => (float)(rng.NextDouble() * 2 - 1) * maxStep).ToArray();
            int forced = ChunkLimiter.Apply(rows, steps, dim, last, lastStep, maxStep, maxChange, min, max);
            for (int j = 0; j < dim; j++)
            {
                float p = last[j], v = lastStep[j], a = float.NaN;
                for (int s = 0; s < steps; s++)
                {
                    float q = rows[s * dim + j], step = q - p;
                    if (MathF.Abs(step) > maxStep + 1e-5f || q < min[j] || q > max[j]) return false;
                    float change = step - v;
                    if (forced == 0 && MathF.Abs(change) > maxChange + 1e-5f) return false;
                    if (forced == 0 && !float.IsNaN(a) && MathF.Abs(change - a) > 2 * maxChange + 1e-5f) return false; // jerk
                    a = change; v = step; p = q;
                }
            }
            return tightRange || forced == 0;
        }).QuickCheckThrowOnFailure();
    }
}
