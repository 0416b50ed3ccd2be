using Controller.Hardware.Devices;
using Controller.Hardware.Devices.Mit;
using Controller.Hardware.Protocols.Mit;
using Controller.Hardware.Protocols.Slcan;
using Controller.Hardware.Tests.Simulation.Can;
using Controller.Hardware.Tests.Support;
using Controller.Pipeline.Messages;

namespace Controller.Hardware.Tests.Devices.Mit;

/// <summary>
/// MitGroupDriver → SlcanChannel (Lawicel dialect: every frame acknowledged) → a real pseudo-terminal → SLCAN adapter
/// twin → virtual bus → MIT actuator twins of three models; each injected fault and its safe reaction, then recovery.
/// </summary>
[Collection(SlcanPtyRig.Collection)]
public sealed class MitOverPtyTests : IDisposable
{
    private static readonly MitActuatorModel[] Models = [MitActuatorModel.CubeMarsAk80_9, MitActuatorModel.DamiaoDm4310, MitActuatorModel.MiniCheetah];
    private readonly SlcanPtyRig _rig;
    private readonly MitGroupDriver _driver;
    private readonly JointBus _bus;
    private JointState _state;

    public MitOverPtyTests()
    {
        _rig = new SlcanPtyRig(Models.Length, host =>
        {
            for (int i = 0; i < Models.Length; i++) host.AddMitActuator((byte)(i + 1), Models[i], i, ReplyId(i));
        }, SlcanDialect.Lawicel);
        var configs = Enumerable.Range(0, Models.Length)
            .Select(i => new MitActuatorConfig((byte)(i + 1), Models[i]) { ReplyCanId = ReplyId(i), PositionKp = 8, PositionKd = 0.5 }).ToList();
        _driver = new MitGroupDriver("pty-legs", _rig.Channel, configs, _rig.Clock, new MitBusOptions { WhileWaiting = _rig.Tick });
        _bus = new JointBus(_driver, 0);
    }

    private static uint ReplyId(int i) => Models[i].ReplyLayout == MitReplyLayout.Damiao8 ? 0x11u : 0u;

    private BusStatus Cycle(JointBusWriter? writer, in JointCommand command)
    {
        var status = _bus.Read(ref _state);
        writer?.Write(command);
        _rig.Tick();
        return status;
    }

    private static JointCommand Impedance(double positionRad, double kp, double kd)
    {
        var c = new JointCommand { JointCount = Models.Length, Mode = ControlMode.Impedance };
        for (int i = 0; i < Models.Length; i++)
        {
            c.Position[i] = positionRad;
            c.Stiffness[i] = kp;
            c.Damping[i] = kd;
        }
        return c;
    }

    private JointBusWriter Start()
    {
        _bus.Configure();
        return _bus.Activate();
    }

    [Fact]
    public void Impedance_OverARealPty_EveryModelFollows()
    {
        var writer = Start();
        var command = Impedance(0.4, 10, 0.5);
        for (int i = 0; i < 600; i++) Assert.Equal(BusStatus.Ok, Cycle(writer, command));
        for (int j = 0; j < Models.Length; j++) Assert.InRange(_state.Position[j], 0.3, 0.5);
        Assert.True(_rig.Channel.TransmitAcks > 0); // Lawicel acknowledges every t line
        Assert.Equal(0, _rig.Channel.Counters.MalformedInput);
    }

    [Fact]
    public void Cycle_OverARealPty_DriverAndChannelDoNotAllocate()
    {
        var writer = Start();
        var command = Impedance(0.1, 5, 0.3);
        Assert.Equal(0, SteadyState.AllocatedBytes(_ => Cycle(writer, command), measured: 300, batch: 50));
    }

    [Fact]
    public void MotorFault_IsDeviceFault_HealthyMotorsGetDamping_RecoverClearsIt()
    {
        var writer = Start();
        var command = Impedance(0.1, 5, 0.3);
        Cycle(writer, command);
        _rig.Host.Actuators[1].InjectFault();
        BusStatus status = BusStatus.Ok;
        for (int i = 0; i < 4 && status == BusStatus.Ok; i++) status = Cycle(writer, command);
        Assert.Equal(BusStatus.DeviceFault, status);
        Assert.Equal(DeviceState.Faulted, _bus.State);
        Assert.Equal(0.0, _rig.Host.Actuators[1].AppliedTorqueNm);
        Cycle(writer, command); // refused by JointBus: the driver's read sends damping only
        Assert.Equal(0.0, _rig.Host.Actuators[0].LastCommand.Kp);
        Assert.True(_rig.Host.Actuators[0].LastCommand.Kd > 0);
        _bus.Recover();
        Assert.False(_driver.GetStatus(1).Faulted);
        var again = _bus.Activate();
        for (int i = 0; i < 5; i++) Assert.Equal(BusStatus.Ok, Cycle(again, command));
    }

    [Fact]
    public void NoReply_TimeoutsThenDeviceLost_RecoverWhenItAnswersAgain()
    {
        var writer = Start();
        var command = Impedance(0, 5, 0.3);
        Cycle(writer, command);
        _rig.Host.Actuators[2].NoReply = true;
        var statuses = new List<BusStatus>();
        for (int i = 0; i < 5; i++) statuses.Add(Cycle(writer, command));
        Assert.Equal([BusStatus.Ok, BusStatus.Timeout, BusStatus.Timeout, BusStatus.Timeout, BusStatus.DeviceLost], statuses);
        Assert.Equal(DeviceState.Faulted, _bus.State);
        _rig.Host.Actuators[2].NoReply = false;
        _bus.Recover();
        var again = _bus.Activate();
        for (int i = 0; i < 5; i++) Assert.Equal(BusStatus.Ok, Cycle(again, command));
    }

    [Fact]
    public void AdapterBusOff_RefusedLinesAndDeviceLost_RestartThenRecover()
    {
        var writer = Start();
        var command = Impedance(0, 5, 0.3);
        Cycle(writer, command);
        long acksBefore = _rig.Channel.TransmitAcks;
        _rig.AdapterNode.ForceBusOff();
        BusStatus status = BusStatus.Ok;
        for (int i = 0; i < 6 && status is BusStatus.Ok or BusStatus.Timeout; i++) status = Cycle(writer, command);
        Assert.Equal(BusStatus.DeviceLost, status);
        Assert.True(_rig.Channel.AdapterErrors > 0); // BEL instead of z: the adapter could not send
        _rig.AdapterNode.Restart();
        _rig.Tick();
        _bus.Recover();
        var again = _bus.Activate();
        for (int i = 0; i < 5; i++) Assert.Equal(BusStatus.Ok, Cycle(again, command));
        Assert.True(_rig.Channel.TransmitAcks > acksBefore);
    }

    public void Dispose()
    {
        int settleTimeouts = _rig.SettleTimeouts;
        _rig.Dispose();
        Assert.Equal(0, settleTimeouts);
    }
}
