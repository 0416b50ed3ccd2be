using Controller.Cerebellum.Controllers;
using Controller.Cerebellum.Joints;
using Controller.Cerebellum.Loop;
using Controller.Cerebellum.Safety;
using Controller.Hardware.Devices;
using Controller.Hardware.Devices.DigitalIo;
using Controller.Pipeline.Messages;
using Controller.Pipeline.Rings;
using Controller.Pipeline.Time;

namespace Controller.Cerebellum.Tests.Safety;

/// <summary>The e-stop line of a simulated digital-I/O bank wired through the whole cycle: device → line → supervisor → write.</summary>
public sealed class EmergencyStopLineCycleTests : IDisposable
{
    private const int Joints = 3;
    private const int EStopLine = 2;
    private readonly ManualClock _clock = new(1_000_000_000);
    private readonly SimulatedJointsDriver _arm = new("arm", Joints);
    private readonly SimulatedDigitalIo _io = new("panel", inputCount: 4, initialInputs: 1UL << EStopLine);
    private readonly MpscRing<SafetyEvent> _ring = MpscRing<SafetyEvent>.Create(256);
    private readonly MpscConsumer<SafetyEvent> _events;
    private readonly SafetySupervisor _safety;
    private readonly CerebellumCycle _cycle;
    private readonly CycleLoop<CerebellumCycle> _loop;
    private readonly EmergencyStopLine _line;

    public EmergencyStopLineCycleTests()
    {
        var limits = new JointLimitSet(Enumerable.Range(0, Joints).Select(j => new JointLimits($"j{j}", -2, 2, 2, 10, 200, 50, -1.8, 1.8)));
        _events = _ring.TakeConsumer();
        _safety = new SafetySupervisor(limits, new SafetyOptions { BrainTimeoutNs = long.MaxValue / 4 }, _ring);
        var bus = new JointBus(_arm, 0);
        _line = new EmergencyStopLine(_io, EStopLine);
        _cycle = new CerebellumCycle([bus], new ControllerSlot(new ChunkFollowingController(limits)), _safety, emergencyStopLine: _line);
        bus.Configure();
        _cycle.UseWriters([bus.Activate()]);
        _loop = new CycleLoop<CerebellumCycle>(_cycle, new ManualPacer(_clock), new LoopOptions(1000));
        _loop.RunCycles(50);
    }

    public void Dispose()
    {
        _events.Dispose();
        _ring.Dispose();
    }

    private List<SafetyEvent> Drain()
    {
        var list = new List<SafetyEvent>();
        while (_events.TryRead(out var e)) list.Add(e);
        return list;
    }

    [Fact]
    public void Read_LineOpens_EmergencyStopAndHoldWrittenInThatSameCycle()
    {
        Assert.Equal(ControlMode.Position, _arm.LastMode);
        Drain();

        _io.SetInput(EStopLine, false);
        _loop.RunCycles(1);

        Assert.Equal(SafetyState.EmergencyStop, _safety.State);
        Assert.Equal(ControlMode.Hold, _arm.LastMode);
        var e = Assert.Single(Drain());
        Assert.Equal(SafetyEventKind.EmergencyStop, e.Kind);
        Assert.Equal(1, e.Value);
        Assert.Equal(_clock.NowNs, e.Header.TimestampNs);   // stamped with the cycle that read the open line
    }

    [Fact]
    public void ReEnable_OnlyAfterTheLineIsHealthyAgainAndAcknowledged()
    {
        _io.SetInput(EStopLine, false);
        _loop.RunCycles(1);
        _safety.Acknowledge();
        _safety.ReEnable();
        _loop.RunCycles(5);
        Assert.Equal(SafetyState.EmergencyStop, _safety.State);
        Assert.Equal(1, _safety.RefusedReEnableCount);
        Assert.Equal(ControlMode.Hold, _arm.LastMode);

        _io.SetInput(EStopLine, true);
        _loop.RunCycles(5);
        Assert.Equal(SafetyState.EmergencyStop, _safety.State);   // a healthy line alone does not restart the robot

        _safety.ReEnable();
        _loop.RunCycles(1);
        Assert.Equal(SafetyState.Normal, _safety.State);
        Assert.Equal(ControlMode.Position, _arm.LastMode);

        var kinds = Drain().Select(e => (e.Kind, e.Value)).ToArray();
        Assert.Equal([(SafetyEventKind.EmergencyStop, 1), (SafetyEventKind.EmergencyStop, 0), (SafetyEventKind.Recovered, (double)SafetyState.EmergencyStop)], kinds);
    }

    [Fact]
    public void ReEnable_AfterLineClosedWithoutAcknowledge_IsRefused()
    {
        _io.SetInput(EStopLine, false);
        _loop.RunCycles(3);
        _io.SetInput(EStopLine, true);
        _loop.RunCycles(3);
        _safety.ReEnable();
        _loop.RunCycles(1);
        Assert.Equal(SafetyState.EmergencyStop, _safety.State);
        Assert.Equal(1, _safety.RefusedReEnableCount);
    }

    [Fact]
    public void Read_InputBankLost_CountsAsOpenLine()
    {
        _io.Disconnected = true;
        _loop.RunCycles(1);
        Assert.Equal(SafetyState.EmergencyStop, _safety.State);
        Assert.Equal(ControlMode.Hold, _arm.LastMode);
        Assert.Equal(1, _line.ReadFailures);
    }

    [Fact]
    public void Run_TenThousandCyclesWithTheLineWatched_AllocatesNothing()
    {
        _loop.RunCycles(10);
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 10_000; i++)
        {
            if (i % 1000 == 500) _io.SetInput(EStopLine, false);
            if (i % 1000 == 700) _io.SetInput(EStopLine, true);
            _loop.RunCycles(1);
            Drain_NoAlloc();
        }
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    private void Drain_NoAlloc()
    {
        while (_events.TryRead(out _)) { }
    }
}
