using Controller.Cerebellum.Controllers.Trajectory;
using Controller.Pipeline.Messages;
using FsCheck;
using FsCheck.Fluent;

namespace Controller.Cerebellum.Tests.Controllers.Trajectory;

public class ChunkTrajectoryFollowerPropertyTests
{
    /// <summary>One chunk: cycles after the previous one it arrives, its shape, where row 0 lies, and a seed for its rows.</summary>
    public sealed record ChunkPlan(int GapCycles, int Steps, int StepPeriodMs, int StartOffsetPercent, bool Delta, int Seed);

    private static readonly Gen<ChunkPlan> Plans =
        from gap in Gen.Choose(1, 400)
        from steps in Gen.Choose(1, 100)
        from periodMs in Gen.Choose(20, 66)
        from offset in Gen.Choose(-300, 150)  // row 0 from three steps in the past to one and a half in the future
        from delta in Gen.Elements(false, false, false, true)
        from seed in Gen.Choose(0, int.MaxValue)
        select new ChunkPlan(gap, steps, periodMs, offset, delta, seed);

    private static readonly Arbitrary<ChunkPlan[]> Scenarios =
        Arb.From(Gen.Choose(1, 8).SelectMany(count => Gen.ArrayOf(Plans, count)));

    [Fact]
    public void Update_RandomChunksAndArrivals_StaysWithinLimitsAndContinuousEveryCycle()
    {
        var chunk = new ChunkHolder();
        Prop.ForAll(Scenarios, plans =>
        {
            var rig = new TrajectoryRig();
            rig.Start(0.5, -0.5, 0);
            var checker = new ReferenceChecker(rig);
            foreach (var plan in plans)
            {
                for (int k = 0; k < plan.GapCycles; k++)
                {
                    rig.Step();
                    checker.Observe();
                }
                Build(ref chunk.Chunk, plan, rig.NowNs, rig.Joints);
                var verdict = rig.Follower.Accept(in chunk.Chunk, rig.NowNs);
                if (verdict != ChunkRejection.None) throw new InvalidOperationException($"rejected: {verdict}");
            }
            for (int k = 0; k < 1000; k++)
            {
                rig.Step();
                checker.Observe();
            }
            return checker.Violation == null ? true : throw new InvalidOperationException(checker.Violation);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Update_RandomChunksThenStarvation_ComesToRestAtTheLastWaypointWithinLimits()
    {
        var chunk = new ChunkHolder();
        Prop.ForAll(Scenarios, plans =>
        {
            var rig = new TrajectoryRig();
            rig.Start(0, 0, 0);
            var checker = new ReferenceChecker(rig);
            foreach (var plan in plans)
            {
                for (int k = 0; k < plan.GapCycles; k++)
                {
                    rig.Step();
                    checker.Observe();
                }
                Build(ref chunk.Chunk, plan, rig.NowNs, rig.Joints);
                rig.Follower.Accept(in chunk.Chunk, rig.NowNs);
            }
            // Joint travel is at most 6 rad at 1 rad/s (plus overshoot): 10 s of starvation is ample.
            long starvedBefore = rig.Follower.StarvedCycles;
            while (rig.NowNs <= rig.Follower.ChunkEndTimeNs + 10_000_000_000L)
            {
                rig.Step();
                checker.Observe();
            }
            bool atRest = true;
            for (int j = 0; j < rig.Joints; j++)
                atRest &= Math.Abs(rig.Command.Velocity[j]) < 1e-9 && Math.Abs(rig.Follower.Acceleration[j]) < 1e-9;
            if (checker.Violation != null) throw new InvalidOperationException(checker.Violation);
            if (!atRest) throw new InvalidOperationException($"not at rest: v {rig.Command.Velocity[0]} {rig.Command.Velocity[1]} {rig.Command.Velocity[2]}");
            return atRest && rig.Follower.IsStarved && rig.Follower.StarvedCycles > starvedBefore;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Accept_RandomBadChunksBetweenGoodOnes_LeaveTheReferenceIdenticalToARunWithoutThem()
    {
        var chunk = new ChunkHolder();
        var defects = Gen.Elements(0, 1, 2);
        Prop.ForAll(Scenarios, Arb.From(Gen.ArrayOf(defects, 8)), (plans, spoil) =>
        {
            var subject = new TrajectoryRig();
            var twin = new TrajectoryRig();
            subject.Start(0, 0, 0);
            twin.Start(0, 0, 0);
            for (int c = 0; c < plans.Length; c++)
            {
                for (int k = 0; k < plans[c].GapCycles; k++)
                {
                    subject.Step();
                    twin.Step();
                    if (!Same(subject, twin)) return false;
                }
                Build(ref chunk.Chunk, plans[c], subject.NowNs, subject.Joints);
                subject.Follower.Accept(in chunk.Chunk, subject.NowNs);
                twin.Follower.Accept(in chunk.Chunk, twin.NowNs);
                // Then a spoilt copy to the subject only: wrong dimension or a NaN somewhere.
                if (spoil[c] == 0) continue;
                if (spoil[c] == 1) chunk.Chunk.Dimension = subject.Joints + 1;
                else chunk.Chunk.Values[plans[c].Seed % (chunk.Chunk.Steps * chunk.Chunk.Dimension)] = float.NaN;
                if (subject.Follower.Accept(in chunk.Chunk, subject.NowNs) == ChunkRejection.None) return false;
            }
            for (int k = 0; k < 200; k++)
            {
                subject.Step();
                twin.Step();
                if (!Same(subject, twin)) return false;
            }
            return subject.Follower.RejectedChunks == spoil.Take(plans.Length).Count(d => d != 0);
        }).QuickCheckThrowOnFailure();
    }

    private static bool Same(TrajectoryRig a, TrajectoryRig b)
    {
        for (int j = 0; j < a.Joints; j++)
        {
            if (a.Command.Position[j] != b.Command.Position[j] || a.Command.Velocity[j] != b.Command.Velocity[j]
                || a.Follower.Acceleration[j] != b.Follower.Acceleration[j]) return false;
        }
        return true;
    }

    /// <summary>Writes the plan's rows: a random walk with jumps anywhere in (and beyond) the position range.</summary>
    internal static void Build(ref ActionChunk chunk, ChunkPlan plan, long nowNs, int joints)
    {
        var random = new Random(plan.Seed);
        long periodNs = plan.StepPeriodMs * 1_000_000L;
        chunk.SetShape(plan.Steps, joints);
        chunk.Kind = plan.Delta ? ActionKind.DeltaJointPosition : ActionKind.AbsoluteJointPosition;
        chunk.StepPeriodNs = periodNs;
        chunk.StartTimeNs = nowNs + periodNs * plan.StartOffsetPercent / 100;
        Span<double> current = stackalloc double[joints];
        for (int j = 0; j < joints; j++) current[j] = plan.Delta ? 0 : random.NextDouble() * 6 - 3;
        for (int s = 0; s < plan.Steps; s++)
        {
            Span<float> row = chunk.Row(s);
            for (int j = 0; j < joints; j++)
            {
                current[j] = random.NextDouble() < 0.15
                    ? random.NextDouble() * 7 - 3.5
                    : current[j] + (random.NextDouble() - 0.5) * 0.1;
                row[j] = (float)current[j];
            }
        }
    }
}
