using Controller.Cerebellum.Controllers;
using Controller.Cerebellum.Joints;
using Controller.Cerebellum.Loop;
using Controller.Cerebellum.Safety;
using Controller.Hardware.Devices;
using Controller.Pipeline.Messages;
using Controller.Pipeline.Rings;
using Controller.Pipeline.Time;

namespace Controller.Cerebellum.Tests.Safety;

/// <summary>
/// The JointLimit events of the sim-arm6 demo, reproduced on a manual clock. The whole cycle (chunks through the ring, the
/// chunk follower, the supervisor, a bus driver that goes where it is told) runs under the real <see cref="CycleLoop{TBody}"/>;
/// some wake-ups are later than a period, so the loop skips the deadlines already passed (an overrun) exactly as on the
/// loaded demo machine. The follower samples its path on the schedule, so after a skip its reference has advanced by all
/// the periods skipped: within the limits over the time that passed, but several nominal periods' worth in one cycle. A
/// supervisor that bounded every cycle's step by the nominal period clamped those steps (and the next cycle's, whose
/// step change against a multi-period step looked like a jerk of acceleration): one JointLimit per moving joint per
/// overrun, 879 in the demo run diagnosed (Safety/README).
/// </summary>
public sealed class SkippedDeadlineCycleTests : IDisposable
{
    private const int Joints = 6;
    private const long PeriodNs = 1_000_000;
    private const long ChunkStepNs = 50_000_000;
    private readonly ManualClock _clock = new(1_000_000_000);
    private readonly SimulatedJointsDriver _arm = new("arm", Joints);
    private readonly SpscRing<ActionChunk> _chunkRing = SpscRing<ActionChunk>.Create(8);
    private readonly SpscProducer<ActionChunk> _brain;
    private readonly MpscRing<SafetyEvent> _events = MpscRing<SafetyEvent>.Create(4096);
    // sim-arm6's arm: 2 rad/s and 8 rad/s² on the big joints, more on the wrist.
    private readonly JointLimitSet _limits = new(Enumerable.Range(0, Joints).Select(j =>
        new JointLimits($"j{j}", -2.8, 2.8, j < 3 ? 2 : 4, j < 3 ? 8 : 10, 100, 4, -2.7, 2.7)));

    public SkippedDeadlineCycleTests() => _brain = _chunkRing.TakeProducer();

    public void Dispose()
    {
        _chunkRing.Dispose();
        _events.Dispose();
    }

    [Fact]
    public void Run_OverrunsSkipDeadlinesWhileMoving_NoJointLimitEvent()
    {
        // Every 37th deadline the loop wakes 1.3 to 5.3 periods late: the loop then skips 1 to 5 deadlines.
        var (loop, safety, travel) = RunArm(deadline => (deadline / PeriodNs) % 37 == 5 ? PeriodNs * (1 + (deadline / PeriodNs) % 5) + 300_000 : (deadline / PeriodNs * 7919) % 400_000, cycles: 6000);

        Assert.True(loop.SkippedDeadlines > 300, $"only {loop.SkippedDeadlines} deadlines skipped: the test no longer exercises overruns");
        Assert.True(travel > 3, $"the arm moved only {travel} rad in all: the test no longer exercises motion");
        Assert.Equal(SafetyState.Normal, safety.State);
        Assert.True(safety.EventCount(SafetyEventKind.JointLimit) == 0, Describe(safety));
    }

    [Fact]
    public void Run_SameMotionWithoutOverruns_NoJointLimitEvent()
    {
        var (loop, safety, travel) = RunArm(deadline => (deadline / PeriodNs * 7919) % 400_000, cycles: 6000);

        Assert.Equal(0, loop.SkippedDeadlines);
        Assert.True(travel > 3);
        Assert.True(safety.EventCount(SafetyEventKind.JointLimit) == 0, Describe(safety));
    }

    /// <summary>Runs the arm along sines (up to 1.5 rad/s, 2.8 rad/s²) sent as 20-row chunks every 100 cycles; returns the path length of joint 0..5 summed.</summary>
    private (CycleLoop<FeedingBody> Loop, SafetySupervisor Safety, double Travel) RunArm(Func<long, long> latenessForDeadline, int cycles)
    {
        var buses = new[] { new JointBus(_arm, 0) };
        var slot = new ControllerSlot(new ChunkFollowingController(_limits));
        var safety = new SafetySupervisor(_limits, new SafetyOptions { BrainTimeoutNs = 500_000_000 }, _events);
        var cycle = new CerebellumCycle(buses, slot, safety, _chunkRing.TakeConsumer());
        foreach (var bus in buses) bus.Configure();
        cycle.UseWriters(buses.Select(b => b.Activate()));
        long sent = -1;
        double travel = 0;
        var last = new double[Joints];
        var body = new FeedingBody(cycle, time =>
        {
            for (int j = 0; j < Joints; j++)
            {
                if (time.Cycle > 200) travel += Math.Abs(_arm.Position(j) - last[j]);
                last[j] = _arm.Position(j);
            }
            if (sent >= 0 && time.NowNs - sent < 100 * PeriodNs) return;
            sent = time.NowNs;
            SendSineChunk(time.NowNs);
        });
        // One call: RunCycles re-anchors the schedule at the current time, which would add a deadline gap of its own.
        var loop = new CycleLoop<FeedingBody>(body, new ManualPacer(_clock, latenessForDeadline), new LoopOptions(1000));
        loop.RunCycles(cycles);
        return (loop, safety, travel);
    }

    /// <summary>The first JointLimit events, for a failure message.</summary>
    private string Describe(SafetySupervisor safety)
    {
        using var consumer = _events.TakeConsumer();
        var lines = new List<string>();
        while (consumer.TryRead(out var e))
            if (e.Kind == SafetyEventKind.JointLimit && lines.Count < 10)
                lines.Add($"t {(e.Header.TimestampNs - 1_000_000_000) / 1e6:F1} ms joint {e.Source}: requested {e.Value} written {e.Limit}");
        return $"{safety.EventCount(SafetyEventKind.JointLimit)} JointLimit events: " + string.Join("; ", lines);
    }

    private static double Sine(int joint, long timeNs) => 0.8 * Math.Sin(2 * Math.PI * (0.25 + 0.05 * joint) * timeNs * 1e-9 + joint);

    private void SendSineChunk(long nowNs)
    {
        Assert.True(_brain.TryClaim(out var claim));
        ref var chunk = ref claim.Message;
        chunk.Header = new MessageHeader(0, nowNs);
        chunk.SetShape(20, Joints);
        chunk.Kind = ActionKind.AbsoluteJointPosition;
        chunk.StepPeriodNs = ChunkStepNs;
        chunk.StartTimeNs = nowNs;
        for (int s = 0; s < 20; s++)
        {
            var row = chunk.Row(s);
            for (int j = 0; j < Joints; j++) row[j] = (float)Sine(j, nowNs + s * ChunkStepNs);
        }
        claim.Publish();
    }

    /// <summary>The cerebellum's cycle with a brain that publishes a chunk at the start of some cycles (from the Read phase).</summary>
    private readonly struct FeedingBody(CerebellumCycle cycle, Action<CycleTime> beforeRead) : ICycleBody
    {
        public void Read(in CycleTime time)
        {
            beforeRead(time);
            cycle.Read(time);
        }

        public void Update(in CycleTime time) => cycle.Update(time);

        public void Write(in CycleTime time) => cycle.Write(time);
    }
}
