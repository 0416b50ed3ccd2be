using Controller.Cerebellum.Controllers;
using Controller.Cerebellum.Joints;
using Controller.Cerebellum.Loop;
using Controller.Cerebellum.Safety;
using Controller.Hardware.Devices;
using Controller.Pipeline.Messages;
using Controller.Pipeline.Rings;
using Controller.Pipeline.Time;

namespace Controller.Cerebellum.Tests;

public sealed class CerebellumCycleTests : IDisposable
{
    private const int Joints = 6;
    private const long PeriodNs = 1_000_000;
    private readonly ManualClock _clock = new(1_000_000_000);
    private readonly SimulatedJointsDriver _arm = new("arm", 4);
    private readonly SimulatedJointsDriver _wrist = new("wrist", 2);
    private readonly SpscRing<ActionChunk> _chunkRing = SpscRing<ActionChunk>.Create(8);
    private readonly SpscProducer<ActionChunk> _brain;
    private readonly MpscRing<SafetyEvent> _events = MpscRing<SafetyEvent>.Create(256);
    private readonly JointLimitSet _limits = new(Enumerable.Range(0, Joints).Select(j => new JointLimits($"j{j}", -2, 2, 2, 10, 200, 50, -1.8, 1.8)));
    private readonly ControllerSlot _slot;
    private readonly SafetySupervisor _safety;
    private readonly CerebellumCycle _cycle;
    private readonly CycleLoop<CerebellumCycle> _loop;
    private readonly JointBus[] _buses;

    public CerebellumCycleTests()
    {
        _brain = _chunkRing.TakeProducer();
        _buses = [new JointBus(_arm, 0), new JointBus(_wrist, 4)];
        _slot = new ControllerSlot(new ChunkFollowingController(_limits));
        _safety = new SafetySupervisor(_limits, new SafetyOptions(), _events);
        _cycle = new CerebellumCycle(_buses, _slot, _safety, _chunkRing.TakeConsumer());
        foreach (var bus in _buses) bus.Configure();
        _cycle.UseWriters(_buses.Select(b => b.Activate()));
        _loop = new CycleLoop<CerebellumCycle>(_cycle, new ManualPacer(_clock), new LoopOptions(1000));
    }

    public void Dispose()
    {
        _chunkRing.Dispose();
        _events.Dispose();
    }

    [Fact]
    public void Constructor_BusesWithAGap_ThrowsNamingTheBus()
    {
        var e = Assert.Throws<ArgumentException>(() => new CerebellumCycle([new JointBus(_arm, 0), new JointBus(_wrist, 5)], _slot, _safety));
        Assert.Contains("'wrist' starts at joint 5", e.Message);
    }

    [Fact]
    public void Run_ChunksFromTheBrain_MoveEveryJointOnEveryBusToTheTarget()
    {
        for (int k = 0; k < 3000; k++)
        {
            if (k % 33 == 0) SendChunk(target: 0.5);
            _loop.RunCycles(1);
        }

        for (int j = 0; j < 4; j++) Assert.Equal(0.5, _arm.Position(j), 3);
        for (int j = 0; j < 2; j++) Assert.Equal(0.5, _wrist.Position(j), 3);
        Assert.Equal(SafetyState.Normal, _safety.State);
        Assert.Equal(~0UL >> (64 - Joints), _cycle.State.FreshMask);
    }

    [Fact]
    public void Run_EmergencyStopLineOpens_HoldIsWrittenToEveryBusInThatCycle()
    {
        for (int k = 0; k < 500; k++)
        {
            if (k % 33 == 0) SendChunk(target: 1.0);
            _loop.RunCycles(1);
        }
        Assert.Equal(ControlMode.Position, _arm.LastMode);

        _cycle.SetEmergencyStopInput(true);
        SendChunk(target: -1.0);
        _loop.RunCycles(1);

        Assert.Equal(SafetyState.EmergencyStop, _safety.State);
        Assert.Equal(ControlMode.Hold, _arm.LastMode);
        Assert.Equal(ControlMode.Hold, _wrist.LastMode);
    }

    [Fact]
    public void Run_NoBrainYet_HoldsWhereTheJointsAre()
    {
        _loop.RunCycles(200);

        Assert.True(_safety.BrainSilent);
        for (int j = 0; j < 4; j++) Assert.Equal(0, _arm.Position(j));
    }

    [Fact]
    public void Run_ControllerThatTakesNoChunks_BrainWatchdogStaysQuietUntilTheFollowerReturns()
    {
        var pd = new JointPdController(Enumerable.Repeat(new JointPdGains(20, 2), Joints).ToArray());
        _slot.Prepare(pd);
        _loop.RunCycles(2_000);
        Assert.False(_safety.BrainSilent);
        Assert.Equal(SafetyState.Normal, _safety.State);

        _slot.Prepare(new ChunkFollowingController(_limits));
        _loop.RunCycles(1);
        Assert.False(_safety.BrainSilent);
        _loop.RunCycles((new SafetyOptions().BrainTimeoutNs / PeriodNs) + 5);
        Assert.True(_safety.BrainSilent);
    }

    [Fact]
    public void Run_HundredThousandFullCyclesWithChunksAndSafety_AllocateNothing()
    {
        using var events = _events.TakeConsumer();
        var drained = new SafetyEvent[64];
        for (int k = 0; k < 2_000; k++)
        {
            if (k % 33 == 0) SendChunk(target: 0.3);
            _loop.RunCycles(1);
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int k = 0; k < 100_000; k++)
        {
            if (k % 33 == 0) SendChunk(target: k % 2 == 0 ? 0.4 : -0.4);
            _loop.RunCycles(1);
            events.Drain(drained);
        }
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Assert.Equal(102_000, _arm.Writes);
    }

    private void SendChunk(double target)
    {
        Assert.True(_brain.TryClaim(out var claim));
        ref var chunk = ref claim.Message;
        chunk.Header = new MessageHeader(0, _clock.NowNs);
        chunk.SetShape(10, Joints);
        chunk.Kind = ActionKind.AbsoluteJointPosition;
        chunk.StepPeriodNs = 33 * PeriodNs;
        chunk.StartTimeNs = _clock.NowNs;
        for (int s = 0; s < 10; s++)
        {
            var row = chunk.Row(s);
            for (int j = 0; j < Joints; j++) row[j] = (float)target;
        }
        claim.Publish();
    }
}
