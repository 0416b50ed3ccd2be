using Controller.Hardware.Tests.Support;
using Controller.Hardware.Devices;
using Controller.Hardware.Devices.Mit;
using Controller.Hardware.Protocols.Mit;
using Controller.Hardware.Simulation;
using Controller.Hardware.Simulation.Mit;
using Controller.Hardware.Transports.Can;
using Controller.Pipeline.Messages;
using Controller.Pipeline.Time;

namespace Controller.Hardware.Tests.Devices.Mit;

public sealed class MitGroupDriverTests : IDisposable
{
    private readonly ManualClock _clock = new(1_000_000_000);
    private readonly VirtualCanBus _bus = new();
    private readonly IndependentJointPlant _plant;
    private readonly VirtualCanNode _master;
    private readonly List<MitActuatorTwin> _twins = [];
    private readonly MitGroupDriver _driver;
    private readonly JointBus _jointBus;
    private JointState _state;

    public MitGroupDriverTests()
    {
        var models = new[] { MitActuatorModel.CubeMarsAk80_9, MitActuatorModel.DamiaoDm4310, MitActuatorModel.MiniCheetah };
        _plant = new IndependentJointPlant(models.Length, inertiaKgM2: 0.01, dampingNmsPerRad: 0.05);
        _master = _bus.AddNode("master");
        var configs = new List<MitActuatorConfig>();
        for (int i = 0; i < models.Length; i++)
        {
            byte id = (byte)(i + 1);
            uint replyId = models[i].ReplyLayout == MitReplyLayout.Damiao8 ? 0x11u : 0u;
            _twins.Add(new MitActuatorTwin(_bus.AddNode($"motor{id}"), id, models[i], _plant, i, replyId));
            configs.Add(new MitActuatorConfig(id, models[i]) { ReplyCanId = replyId, PositionKp = 8, PositionKd = 0.5 });
        }
        _driver = new MitGroupDriver("legs", _master, configs, _clock, new MitBusOptions { WhileWaiting = Tick });
        _jointBus = new JointBus(_driver, 0);
    }

    private void Tick()
    {
        long now = _clock.NowNs;
        _bus.Deliver(now);
        foreach (var twin in _twins) twin.Step(now);
        _bus.Deliver(now);
        _plant.Step(0.001);
        _clock.Advance(1_000_000);
    }

    private BusStatus Cycle(JointBusWriter? writer, in JointCommand command)
    {
        var status = _jointBus.Read(ref _state);
        writer?.Write(command);
        Tick();
        return status;
    }

    private static JointCommand Impedance(double positionRad, double kp, double kd)
    {
        var c = new JointCommand { JointCount = 3, Mode = ControlMode.Impedance };
        for (int i = 0; i < 3; i++)
        {
            c.Position[i] = positionRad;
            c.Stiffness[i] = kp;
            c.Damping[i] = kd;
        }
        return c;
    }

    [Fact]
    public void Configure_ReadsStateWithoutEnabling()
    {
        _plant.SetPositionRad(1, 0.25);
        _jointBus.Configure();
        for (int i = 0; i < 5; i++) Assert.Equal(BusStatus.Ok, Cycle(null, default));
        Assert.Equal(0.25, _state.Position[1], 3);
        Assert.All(_twins, t => Assert.False(t.Enabled));
        Assert.Equal(0b111UL, _state.FreshMask);
    }

    [Fact]
    public void Activate_ImpedanceCommands_EveryModelFollows()
    {
        _jointBus.Configure();
        var writer = _jointBus.Activate();
        Assert.All(_twins, t => Assert.True(t.Enabled));
        var command = Impedance(0.4, kp: 5, kd: 0.3);
        for (int i = 0; i < 3000; i++) Assert.Equal(BusStatus.Ok, Cycle(writer, command));
        for (int j = 0; j < 3; j++) Assert.Equal(0.4, _state.Position[j], 2);
        Assert.Equal(30, _driver.GetStatus(0).TemperatureC);
        Assert.True(double.IsNaN(_driver.GetStatus(2).TemperatureC)); // mini cheetah replies carry none
    }

    [Fact]
    public void Hold_AfterEnable_KeepsTheLatchedPosition()
    {
        _plant.SetPositionRad(0, -0.2);
        _jointBus.Configure();
        var writer = _jointBus.Activate();
        for (int i = 0; i < 500; i++) Cycle(writer, default);
        Assert.Equal(-0.2, _plant.GetPositionRad(0), 2);
    }

    [Fact]
    public void Cycle_ThousandsOfCycles_DriverAndTwinsDoNotAllocate()
    {
        _jointBus.Configure();
        var writer = _jointBus.Activate();
        var command = Impedance(0.1, 5, 0.3);
        Assert.Equal(0, SteadyState.AllocatedBytes(_ => Cycle(writer, command)));
        Assert.Equal(DeviceState.Active, _jointBus.State);
    }

    [Fact]
    public void MotorFault_IsDeviceFault_ThenRecoverClearsIt()
    {
        _jointBus.Configure();
        var writer = _jointBus.Activate();
        var command = Impedance(0, 5, 0.3);
        Cycle(writer, command);
        _twins[1].InjectFault();
        BusStatus status = BusStatus.Ok;
        for (int i = 0; i < 3 && status == BusStatus.Ok; i++) status = Cycle(writer, command);
        Assert.Equal(BusStatus.DeviceFault, status);
        Assert.Equal(DeviceState.Faulted, _jointBus.State);
        Assert.Equal(0xA, _driver.GetStatus(1).ErrorCode);
        Assert.Equal(0.0, _twins[1].AppliedTorqueNm);
        _jointBus.Recover();
        Assert.False(_driver.GetStatus(1).Faulted);
        var again = _jointBus.Activate();
        Assert.Equal(BusStatus.Ok, Cycle(again, command));
    }

    [Fact]
    public void NoReply_TimeoutsThenDeviceLost()
    {
        _jointBus.Configure();
        var writer = _jointBus.Activate();
        var command = Impedance(0, 5, 0.3);
        Cycle(writer, command);
        _twins[2].NoReply = true;
        var statuses = new List<BusStatus>();
        for (int i = 0; i < 5; i++) statuses.Add(Cycle(writer, command));
        Assert.Equal([BusStatus.Ok, BusStatus.Timeout, BusStatus.Timeout, BusStatus.Timeout, BusStatus.DeviceLost], statuses);
        Assert.Equal(DeviceState.Faulted, _jointBus.State);
    }

    [Fact]
    public void Faulted_NoMoreWrites_HealthyMotorsGetDampingNotTheirLastCommand()
    {
        _jointBus.Configure();
        var writer = _jointBus.Activate();
        var push = new JointCommand { JointCount = 3, Mode = ControlMode.Effort };
        push.Effort[0] = 2.0;
        Cycle(writer, push);
        Assert.Equal(2.0, _twins[0].LastCommand.TorqueNm, 1);
        _twins[1].InjectFault(); // the Damiao motor; mini cheetah replies cannot carry a fault
        for (int i = 0; i < 3; i++) Cycle(writer, push);
        Assert.Equal(DeviceState.Faulted, _jointBus.State);
        Cycle(writer, push); // refused by JointBus: only the driver's read runs
        Assert.Equal(0.0, _twins[0].LastCommand.Kp);
        Assert.Equal(0.0, _twins[0].LastCommand.TorqueNm, 1);
        Assert.Equal(0.5, _twins[0].LastCommand.Kd, 2);
        Assert.True(_twins[0].Enabled);
        _jointBus.Recover();
        Assert.False(_twins[0].Enabled);
    }

    [Fact]
    public void BusOff_IsDeviceLost()
    {
        _jointBus.Configure();
        var writer = _jointBus.Activate();
        _master.ForceBusOff();
        Tick();
        Assert.Equal(BusStatus.DeviceLost, Cycle(writer, Impedance(0, 1, 0.1)));
    }

    [Fact]
    public void AllMaximumImpedance_NeverSetsZeroOrDisables()
    {
        _jointBus.Configure();
        var writer = _jointBus.Activate();
        var command = new JointCommand { JointCount = 3, Mode = ControlMode.Impedance };
        // AK80-9 at every maximum with the torque whose code would end in FE (set zero).
        command.Position[0] = 12.5;
        command.Velocity[0] = 50;
        command.Stiffness[0] = 500;
        command.Damping[0] = 5;
        command.Effort[0] = MitCodec.ToDouble(0xFFE, -18, 18, 12) + 1e-9;
        Cycle(writer, command);
        Cycle(writer, command);
        Assert.Equal(0, _twins[0].SetZeroFrames);
        Assert.True(_twins[0].Enabled);
        Assert.Equal(2, _driver.GetStatus(0).GuardNudges);
    }

    [Fact]
    public void Open_SilentMotor_ThrowsNamingIt()
    {
        _twins[1].NoReply = true;
        var ex = Assert.Throws<TimeoutException>(() => _jointBus.Configure());
        Assert.Contains("motor id 2", ex.Message);
    }

    public void Dispose() => _bus.Dispose();
}
