using Controller.Cerebellum.Loop;
using Controller.Cerebellum.Safety;
using Controller.Cerebellum.Tests.Controllers.Trajectory;
using Controller.Pipeline.Messages;
using Controller.Pipeline.Rings;
using FsCheck;
using FsCheck.Fluent;

namespace Controller.Cerebellum.Tests.Safety;

/// <summary>
/// The supervisor bounds each cycle's step over the schedule time since the previous cycle (deadline to deadline), the time
/// base the chunk follower samples its path on: a cycle after an overrun that skipped deadlines may move as far as the
/// skipped periods allow, and no farther.
/// </summary>
public class SkippedDeadlineSupervisorTests
{
    [Fact]
    public void Apply_FollowerReferenceAcrossSkippedDeadlines_PassesUnchangedWithoutJointLimitEvents()
    {
        Prop.ForAll(Gen.Choose(0, int.MaxValue - 1).ToArbitrary(), seed =>
        {
            var (events, changed, skipped) = Run(seed, cycles: 3000);
            return (events == 0 && changed == 0 && skipped > 0)
                .Label($"seed {seed}: {events} JointLimit events, {changed} written positions differed from the reference, {skipped} deadlines skipped");
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Apply_AcceleratingAndCruisingAcrossSkips_PassesUnchangedWithoutJointLimitEvents()
    {
        using var rig = new SafetyRig();
        // From rest at 5 rad/s² to 0.8 rad/s, then cruising (the rig's limits: 1 rad/s, 10 rad/s²).
        static double Path(double t) => t < 0.16 ? -0.5 + 2.5 * t * t : -0.5 + 0.064 + 0.8 * (t - 0.16);
        rig.Measured.Position[0] = -0.5;
        long start = 1_000_000_000, deadline = start;
        for (int k = 0; k < 400; k++)
        {
            // 2 skipped deadlines while accelerating; 1, 2, 5 and 9 while cruising (10 periods: the most a cycle stretches to).
            deadline += k switch { 100 => 3, 200 => 2, 220 => 3, 240 => 6, 260 => 10, _ => 1 } * SafetyRig.PeriodNs;
            double q = Path((deadline - start) * 1e-9);
            JointCommand written = Apply(rig, deadline, q);
            Assert.Equal(q, written.Position[0]);
        }
        Assert.Equal(0, rig.Supervisor.EventCount(SafetyEventKind.JointLimit));
    }

    [Fact]
    public void Apply_StepFasterThanTheSkippedPeriodsAllow_IsLimitedToThemAndRaisesOneEvent()
    {
        using var rig = new SafetyRig();
        long deadline = 1_000_000_000;
        Apply(rig, deadline, 0);
        Apply(rig, deadline += SafetyRig.PeriodNs, 0);
        // 3 ms passed: at most 3 mrad at 1 rad/s, and from rest at most 10 rad/s² × 3 ms × (1 ms + 3 ms)/2 = 60 µrad.
        JointCommand written = Apply(rig, deadline += 3 * SafetyRig.PeriodNs, 0.01);

        Assert.InRange(written.Position[0], 1e-6, 10 * 3e-3 * (1e-3 + 3e-3) / 2 + 1e-15);
        Assert.Equal(1, rig.Supervisor.EventCount(SafetyEventKind.JointLimit));
    }

    [Fact]
    public void Apply_DeadlineGapLongerThanTenPeriods_BoundsTheStepAtTenPeriods()
    {
        using var rig = new SafetyRig();
        // Joint 0 already moving at its 1 rad/s limit along a reference that keeps going.
        rig.Measured.Position[0] = -0.5;
        rig.Measured.Velocity[0] = 1;
        long start = 1_000_000_000, deadline = start;
        for (int k = 0; k < 300; k++)
        {
            deadline += SafetyRig.PeriodNs;
            Apply(rig, deadline, -0.5 + (deadline - start) * 1e-9);
        }
        double before = rig.Written.Position[0];
        deadline += 50 * SafetyRig.PeriodNs;
        JointCommand written = Apply(rig, deadline, -0.5 + (deadline - start) * 1e-9);

        Assert.Equal(before + 0.01, written.Position[0], 12);   // 10 ms at 1 rad/s, not 50
    }

    private static JointCommand Apply(SafetyRig rig, long deadlineNs, double q0)
    {
        JointCommand command = SafetyRig.PositionCommand(q0);
        rig.Inputs.LastBrainMessageNs = deadlineNs;
        var time = new CycleTime(rig.Cycle++, deadlineNs, deadlineNs, SafetyRig.PeriodNs, SafetyRig.PeriodNs);
        rig.Supervisor.Apply(in time, in rig.Measured, ref command, in rig.Inputs);
        rig.Written = command;
        for (int j = 0; j < SafetyRig.Joints; j++) rig.Measured.Position[j] = command.Position[j];
        return command;
    }

    /// <summary>
    /// Random chunks at 15–50 Hz toward random goals, followed and supervised at 1 kHz with the same limits; the loop wakes
    /// 0–0.5 ms late and, on 2 % of the cycles, so late that it skips 1 to 12 deadlines (more than the ten periods the
    /// follower integrates at most).
    /// </summary>
    private static (long Events, long Changed, long Skipped) Run(int seed, int cycles)
    {
        var random = new Random(seed);
        var rig = new TrajectoryRig();
        using var ring = MpscRing<SafetyEvent>.Create(1024);
        var supervisor = new SafetySupervisor(TrajectoryRig.Limits, new SafetyOptions { BrainTimeoutNs = 1_000_000_000 }, ring);
        double[] start = [random.NextDouble() - 0.5, random.NextDouble() - 0.5, random.NextDouble() - 0.5];
        rig.Start(start);
        var holder = new ChunkHolder();
        var measured = new JointState { JointCount = 3, FreshMask = 7 };
        for (int j = 0; j < 3; j++) measured.Position[j] = start[j];
        var inputs = new SafetyInputs();
        double[] goal = start.ToArray();
        long chunkPeriodNs = random.Next(20, 67) * TrajectoryRig.PeriodNs;
        long nextChunkNs = rig.NowNs;
        long changed = 0, skipped = 0;
        long lastWakeNs = rig.NowNs;
        for (int cycle = 0; cycle < cycles; cycle++)
        {
            int skip = random.Next(50) == 0 ? random.Next(1, 13) : 0;
            skipped += skip;
            long deadlineNs = rig.NowNs + (1 + skip) * TrajectoryRig.PeriodNs;
            long wakeNs = deadlineNs + random.Next(0, 500_000);
            if (wakeNs >= nextChunkNs)
            {
                nextChunkNs = wakeNs + chunkPeriodNs;
                for (int j = 0; j < 3; j++) goal[j] = Math.Clamp(goal[j] + (random.NextDouble() - 0.5) * 0.6, -2.5, 2.5);
                int steps = random.Next(4, 51);
                var from = Enumerable.Range(0, 3).Select(j => rig.Command.JointCount == 3 ? rig.Command.Position[j] : start[j]).ToArray();
                var rows = Enumerable.Range(1, steps).Select(s => Enumerable.Range(0, 3).Select(j => from[j] + (goal[j] - from[j]) * s / steps).ToArray()).ToArray();
                TrajectoryRig.Fill(ref holder.Chunk, rows, wakeNs, chunkPeriodNs);
                rig.Follower.Accept(in holder.Chunk, wakeNs);
            }
            var time = new CycleTime(rig.Cycle, wakeNs, deadlineNs, TrajectoryRig.PeriodNs, wakeNs - lastWakeNs);
            lastWakeNs = wakeNs;
            rig.NowNs = deadlineNs;
            rig.Cycle++;
            rig.Follower.Update(in time, ref rig.Command);
            JointCommand command = rig.Command;
            inputs.LastBrainMessageNs = wakeNs;
            supervisor.Apply(in time, in measured, ref command, in inputs);
            for (int j = 0; j < 3; j++)
            {
                if (command.Position[j] != rig.Command.Position[j]) changed++;
                measured.Position[j] = command.Position[j];
            }
        }
        return (supervisor.EventCount(SafetyEventKind.JointLimit), changed, skipped);
    }
}
