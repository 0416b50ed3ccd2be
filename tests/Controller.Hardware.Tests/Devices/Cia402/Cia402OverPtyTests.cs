using Controller.Hardware.Devices;
using Controller.Hardware.Devices.Cia402;
using Controller.Hardware.Protocols.Cia402;
using Controller.Hardware.Protocols.Slcan;
using Controller.Hardware.Tests.Simulation.Can;
using Controller.Hardware.Tests.Support;
using Controller.Pipeline.Messages;

namespace Controller.Hardware.Tests.Devices.Cia402;

/// <summary>
/// Cia402CanDriver → SlcanChannel → a real pseudo-terminal opened as a serial port → SLCAN adapter twin → virtual bus
/// → CiA 402 drive twins: every injected fault gives its counted fault and safe reaction, and the bus recovers.
/// </summary>
[Collection(SlcanPtyRig.Collection)]
public sealed class Cia402OverPtyTests : IDisposable
{
    private const int Drives = 2;
    private readonly SlcanPtyRig _rig;
    private readonly Cia402CanDriver _driver;
    private readonly JointBus _bus;
    private JointState _state;

    public Cia402OverPtyTests()
    {
        _rig = new SlcanPtyRig(Drives, host =>
        {
            for (byte n = 1; n <= Drives; n++) host.AddCia402Drive(n, n - 1, Cia402Rig.Scaling);
        }, SlcanDialect.Canable);
        var configs = Enumerable.Range(1, Drives).Select(n => new Cia402DriveConfig((byte)n, Cia402Rig.Scaling) { FollowingErrorWindowRad = 1.0 }).ToList();
        _driver = new Cia402CanDriver("pty-arm", _rig.Channel, configs, _rig.Clock, new Cia402BusOptions { WhileWaiting = _rig.Tick });
        _bus = new JointBus(_driver, 0);
    }

    private BusStatus Cycle(JointBusWriter? writer, in JointCommand command)
    {
        var read = _bus.Read(ref _state);
        writer?.Write(command);
        _rig.Tick();
        return read;
    }

    private JointBusWriter Start()
    {
        _bus.Configure();
        return _bus.Activate();
    }

    private List<BusStatus> RunUntilNotOk(JointBusWriter writer, in JointCommand command, int maxCycles)
    {
        var statuses = new List<BusStatus>();
        for (int i = 0; i < maxCycles && (statuses.Count == 0 || statuses[^1] is BusStatus.Ok or BusStatus.Timeout); i++)
            statuses.Add(Cycle(writer, command));
        return statuses;
    }

    [Fact]
    public void Activate_OverARealPty_DrivesFollowPositionCommands()
    {
        Assert.StartsWith("/dev/pts/", _rig.PortPath);
        var writer = Start();
        Assert.All(_rig.Host.Drives, d => Assert.Equal(Cia402State.OperationEnabled, d.StateMachine.State));
        var command = Cia402Rig.PositionCommand(Drives, 0.3);
        for (int i = 0; i < 400; i++) Assert.Equal(BusStatus.Ok, Cycle(writer, command));
        Assert.InRange(_state.Position[0], 0.28, 0.32);
        Assert.InRange(_state.Position[1], 0.28, 0.32);
        Assert.Equal(0, _rig.Channel.Counters.MalformedInput);
        Assert.Equal(0, _rig.Channel.TransmitAcks); // CANable firmware acknowledges nothing
    }

    [Fact]
    public void Cycle_OverARealPty_DriverAndChannelDoNotAllocate()
    {
        var writer = Start();
        var command = Cia402Rig.PositionCommand(Drives, 0.1);
        Assert.Equal(0, SteadyState.AllocatedBytes(_ => Cycle(writer, command), measured: 300, batch: 50));
        Assert.Equal(DeviceState.Active, _bus.State);
    }

    [Fact]
    public void DriveFault_IsDeviceFaultWithItsEmcy_RecoverResetsAndReactivates()
    {
        var writer = Start();
        var command = Cia402Rig.PositionCommand(Drives, 0.1);
        for (int i = 0; i < 10; i++) Cycle(writer, command);
        _rig.Host.Drives[1].InjectFault(0x4210);
        Assert.Equal(BusStatus.DeviceFault, RunUntilNotOk(writer, command, 10)[^1]);
        Assert.Equal(DeviceState.Faulted, _bus.State);
        Assert.Equal(0x4210, _driver.GetDriveStatus(1).LastEmergencyCode);
        Assert.Equal(0.0, _rig.Host.Drives[1].AppliedTorqueNm);
        _bus.Recover();
        var again = _bus.Activate();
        for (int i = 0; i < 10; i++) Assert.Equal(BusStatus.Ok, Cycle(again, command));
    }

    [Fact]
    public void LostHeartbeat_IsDeviceLostCountedOnce_RecoverDisablesThenReactivates()
    {
        var writer = Start();
        var command = Cia402Rig.PositionCommand(Drives, 0);
        for (int i = 0; i < 30; i++) Assert.Equal(BusStatus.Ok, Cycle(writer, command));
        _rig.Host.Drives[0].SilenceHeartbeat = true;
        Assert.Equal(BusStatus.DeviceLost, RunUntilNotOk(writer, command, 300)[^1]);
        Assert.Equal(1, _driver.HeartbeatTimeouts);
        Assert.True(_driver.GetDriveStatus(0).HeartbeatLost);
        _bus.Recover();
        Assert.All(_rig.Host.Drives, d => Assert.Equal(Cia402State.SwitchOnDisabled, d.StateMachine.State));
        _rig.Host.Drives[0].SilenceHeartbeat = false;
        var again = _bus.Activate();
        for (int i = 0; i < 30; i++) Assert.Equal(BusStatus.Ok, Cycle(again, command));
    }

    [Fact]
    public void NoReply_TimeoutsThenDeviceLost_RecoverAfterTheDriveAnswersAgain()
    {
        var writer = Start();
        var command = Cia402Rig.PositionCommand(Drives, 0);
        Cycle(writer, command);
        _rig.Host.Drives[0].NoReply = true;
        var statuses = new List<BusStatus>();
        for (int i = 0; i < 5; i++) statuses.Add(Cycle(writer, command));
        Assert.Equal([BusStatus.Ok, BusStatus.Timeout, BusStatus.Timeout, BusStatus.Timeout, BusStatus.DeviceLost], statuses);
        Assert.Equal(0UL, _state.FreshMask & 1);
        Assert.Equal(DeviceState.Faulted, _bus.State);
        _rig.Host.Drives[0].NoReply = false;
        _bus.Recover();
        var again = _bus.Activate();
        for (int i = 0; i < 10; i++) Assert.Equal(BusStatus.Ok, Cycle(again, command));
    }

    [Fact]
    public void AdapterBusOff_RefusedLinesCountedAndDeviceLost_RestartThenRecover()
    {
        var writer = Start();
        var command = Cia402Rig.PositionCommand(Drives, 0.1);
        Cycle(writer, command);
        _rig.AdapterNode.ForceBusOff();
        var statuses = RunUntilNotOk(writer, command, 10);
        Assert.Equal(BusStatus.DeviceLost, statuses[^1]);
        Assert.Equal(DeviceState.Faulted, _bus.State);
        Assert.Equal(1, _rig.AdapterNode.Counters.BusOffEvents);
        SpinUntil(() => _rig.Channel.AdapterErrors > 0); // the adapter answers BEL to every frame it cannot send
        _rig.AdapterNode.Restart();
        _rig.Tick();
        _bus.Recover();
        var again = _bus.Activate();
        var after = new List<BusStatus>();
        for (int i = 0; i < 300; i++) after.Add(Cycle(again, command));
        Assert.Equal(string.Join(",", Enumerable.Repeat(BusStatus.Ok, 300)), string.Join(",", after));
        Assert.Equal(0.1, _state.Position[1], 2);
    }

    private static void SpinUntil(Func<bool> condition)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        while (!condition() && watch.ElapsedMilliseconds < 2000) Thread.Sleep(1);
        Assert.True(condition());
    }

    public void Dispose()
    {
        int settleTimeouts = _rig.SettleTimeouts;
        _rig.Dispose();
        Assert.Equal(0, settleTimeouts); // every line crossed the pty; nothing lost or stuck
    }
}
