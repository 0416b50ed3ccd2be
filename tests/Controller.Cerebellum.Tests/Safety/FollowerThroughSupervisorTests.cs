using Controller.Cerebellum.Loop;
using Controller.Cerebellum.Safety;
using Controller.Cerebellum.Tests.Controllers.Trajectory;
using Controller.Pipeline.Messages;
using Controller.Pipeline.Rings;
using FsCheck;
using FsCheck.Fluent;

namespace Controller.Cerebellum.Tests.Safety;

/// <summary>
/// The chunk follower's reference is feasible by construction, so the supervisor after it must pass it unchanged and raise
/// no JointLimit event. Before the rounding fix, Ramp's p + (target − p) landed an ulp beside such targets on some cycles
/// and each of those raised a JointLimit; and the follower sampled its path at the jittery wake-up time, so its per-cycle
/// step changed with the lateness and the supervisor's acceleration bound clamped it: together a storm of hundreds of
/// events in seconds on the sim-arm6 demo.
/// </summary>
public class FollowerThroughSupervisorTests
{
    [Fact]
    public void Apply_FeasibleFollowerReference_PassesUnchangedWithoutJointLimitEvents()
    {
        Prop.ForAll(Gen.Choose(0, int.MaxValue - 1).ToArbitrary(), seed =>
        {
            var (events, changed) = Run(seed, cycles: 3000);
            return (events == 0 && changed == 0).Label($"seed {seed}: {events} JointLimit events, {changed} written positions differed from the reference");
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Apply_OutOfRangeChunk_StillRaisesOneJointLimitEventPerEpisode()
    {
        var rig = new TrajectoryRig();
        using var ring = MpscRing<SafetyEvent>.Create(1024);
        rig.Start(0, 0, 0);
        var limits = TrajectoryRig.Limits;
        // A supervisor with a tighter soft range than the follower's: the reference genuinely leaves it and stays out.
        var tight = new SafetySupervisor(new Joints.JointLimitSet(Enumerable.Range(0, 3).Select(j =>
            new Joints.JointLimits(limits[j].Joint, -3, 3, limits[j].VelocityMax, limits[j].AccelerationMax, limits[j].JerkMax, limits[j].EffortMax, -0.1, 0.1))),
            new SafetyOptions(), ring);
        var holder = new ChunkHolder();
        TrajectoryRig.Fill(ref holder.Chunk, [[0.5, 0, 0], [0.5, 0, 0], [0.5, 0, 0]], rig.NowNs, 20_000_000);
        rig.Follower.Accept(in holder.Chunk, rig.NowNs);
        var measured = new JointState { JointCount = 3, FreshMask = 7 };
        var inputs = new SafetyInputs();
        double written = 0;
        for (int cycle = 0; cycle < 2000; cycle++)
        {
            rig.Step();
            JointCommand command = rig.Command;
            inputs.LastBrainMessageNs = rig.NowNs;
            var time = new CycleTime(rig.Cycle, rig.NowNs, rig.NowNs, TrajectoryRig.PeriodNs, TrajectoryRig.PeriodNs);
            tight.Apply(in time, in measured, ref command, in inputs);
            for (int j = 0; j < 3; j++) measured.Position[j] = command.Position[j];
            written = command.Position[0];
        }

        Assert.Equal(0.5, rig.Command.Position[0], 6);                  // the follower arrived at 0.5 ...
        Assert.Equal(0.1, written, 12);                                  // ... the supervisor held joint 0 at its soft limit
        Assert.Equal(1, tight.EventCount(SafetyEventKind.JointLimit));   // one episode, one event
    }

    /// <summary>
    /// Random chunks at 15–50 Hz toward random goals, followed and supervised at 1 kHz with the same limits, the loop
    /// waking 0–0.5 ms late each cycle.
    /// </summary>
    private static (long Events, long Changed) Run(int seed, int cycles)
    {
        var random = new Random(seed);
        var rig = new TrajectoryRig();
        using var ring = MpscRing<SafetyEvent>.Create(1024);
        var supervisor = new SafetySupervisor(TrajectoryRig.Limits, new SafetyOptions(), ring);
        double[] start = [random.NextDouble() - 0.5, random.NextDouble() - 0.5, random.NextDouble() - 0.5];
        rig.Start(start);
        var holder = new ChunkHolder();
        var measured = new JointState { JointCount = 3, FreshMask = 7 };
        for (int j = 0; j < 3; j++) measured.Position[j] = start[j];
        var inputs = new SafetyInputs();
        double[] goal = start.ToArray();
        int chunkPeriodCycles = random.Next(20, 67);
        long changed = 0;
        long lastWakeNs = rig.NowNs;
        for (int cycle = 0; cycle < cycles; cycle++)
        {
            if (cycle % chunkPeriodCycles == 0)
            {
                for (int j = 0; j < 3; j++) goal[j] = Math.Clamp(goal[j] + (random.NextDouble() - 0.5) * 0.6, -2.5, 2.5);
                int steps = random.Next(4, 51);
                var from = Enumerable.Range(0, 3).Select(j => rig.Command.JointCount == 3 ? rig.Command.Position[j] : start[j]).ToArray();
                var rows = Enumerable.Range(1, steps).Select(s => Enumerable.Range(0, 3).Select(j => from[j] + (goal[j] - from[j]) * s / steps).ToArray()).ToArray();
                TrajectoryRig.Fill(ref holder.Chunk, rows, rig.NowNs, chunkPeriodCycles * TrajectoryRig.PeriodNs);
                rig.Follower.Accept(in holder.Chunk, rig.NowNs);
            }
            // A real loop wakes up late by a jittery amount (p99 ≈ 0.3 ms on the development VM) but keeps its deadlines.
            long deadlineNs = rig.NowNs + TrajectoryRig.PeriodNs;
            long wakeNs = deadlineNs + random.Next(0, 500_000);
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
        return (supervisor.EventCount(SafetyEventKind.JointLimit), changed);
    }
}
