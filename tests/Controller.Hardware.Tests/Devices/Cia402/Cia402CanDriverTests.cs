using Controller.Hardware.Tests.Support;
using Controller.Hardware.Devices;
using Controller.Hardware.Devices.Cia402;
using Controller.Hardware.Protocols.CanOpen;
using Controller.Hardware.Protocols.Cia402;
using Controller.Pipeline.Messages;

namespace Controller.Hardware.Tests.Devices.Cia402;

public class Cia402CanDriverTests
{
    [Fact]
    public void Activate_ThenPositionCommands_TwinsFollowThroughThePlant()
    {
        using var rig = new Cia402Rig(drives: 3);
        var writer = rig.Start();
        Assert.All(rig.Twins, t => Assert.Equal(Cia402State.OperationEnabled, t.StateMachine.State));
        var command = Cia402Rig.PositionCommand(3, 0.5);
        for (int i = 0; i < 3000; i++)
        {
            Assert.Equal(BusStatus.Ok, rig.Cycle(writer, command, out var written));
            Assert.Equal(BusStatus.Ok, written);
        }
        for (int j = 0; j < 3; j++)
        {
            Assert.Equal(0.5, rig.Plant.GetPositionRad(j), 2);
            Assert.Equal(0.5, rig.State.Position[j], 2);
        }
        Assert.Equal(0b111UL, rig.State.FreshMask);
    }

    [Fact]
    public void Cycle_ThousandsOfCycles_DriverAndTwinsDoNotAllocate()
    {
        using var rig = new Cia402Rig(drives: 4);
        var writer = rig.Start();
        var command = Cia402Rig.PositionCommand(4, 0.2);
        Assert.Equal(0, SteadyState.AllocatedBytes(cycle => rig.Cycle(writer, command, out _)));
        Assert.Equal(DeviceState.Active, rig.JointBus.State);
    }

    [Fact]
    public void VelocityAndTorqueModes_SwitchOnTheFly()
    {
        using var rig = new Cia402Rig(drives: 1);
        var writer = rig.Start();
        var velocity = new JointCommand { JointCount = 1, Mode = ControlMode.Velocity };
        velocity.Velocity[0] = 1.0;
        for (int i = 0; i < 1500; i++) rig.Cycle(writer, velocity, out _);
        Assert.Equal(1.0, rig.Plant.GetVelocityRadPerSec(0), 1);
        Assert.Equal((long)Cia402Mode.CyclicSyncVelocity, rig.Twins[0].Dictionary.Get(Cia402Objects.ModesOfOperationDisplay).Value);
        var torque = new JointCommand { JointCount = 1, Mode = ControlMode.Effort };
        torque.Effort[0] = 0.5;
        for (int i = 0; i < 10; i++) rig.Cycle(writer, torque, out _);
        Assert.Equal(0.5, rig.Twins[0].AppliedTorqueNm, 2);
    }

    [Fact]
    public void PositionCommand_EffortFeedForward_ReachesTheDriveAsTorqueOffset()
    {
        using var rig = new Cia402Rig(drives: 1);
        var writer = rig.Start();
        var command = Cia402Rig.PositionCommand(1, rig.Plant.GetPositionRad(0));
        command.Effort[0] = 0.3;
        rig.Cycle(writer, command, out _);
        Assert.Equal(30L, rig.Twins[0].Dictionary.Get(Cia402Objects.TorqueOffset).Value); // 0.3 N·m at the joint = 0.03 N·m motor = 30 ‰ of 1 N·m rated
        Assert.Equal(0L, rig.Twins[0].Dictionary.Get(Cia402Objects.TargetTorque).Value);
    }

    [Fact]
    public void Open_ConfiguresPdoMappingOverSdo_EvenWhenTheDriveWasMappedDifferently()
    {
        using var rig = new Cia402Rig(drives: 1, beforeDriver: r =>
        {
            var dictionary = r.Twins[0].Dictionary;
            // Another tool left TPDO1 mapping only the statusword.
            Assert.Equal(SdoAbortCode.None, dictionary.Write(0x1800, 1, BitConverter.GetBytes(0x8000_0181u)));
            Assert.Equal(SdoAbortCode.None, dictionary.Write(0x1A00, 0, [0]));
            Assert.Equal(SdoAbortCode.None, dictionary.Write(0x1A00, 1, BitConverter.GetBytes(0x6041_0010u)));
            Assert.Equal(SdoAbortCode.None, dictionary.Write(0x1A00, 0, [1]));
            Assert.Equal(SdoAbortCode.None, dictionary.Write(0x1800, 1, BitConverter.GetBytes(0x0000_0181u)));
            Assert.Equal(2, dictionary.Tpdos[0].Length);
        });
        var writer = rig.Start();
        Assert.Equal(8, rig.Twins[0].Dictionary.Tpdos[0].Length);
        Assert.Equal(20L, rig.Twins[0].Dictionary.Get(0x1017).Value);
        var command = Cia402Rig.PositionCommand(1, -0.3);
        for (int i = 0; i < 2000; i++) rig.Cycle(writer, command, out _);
        Assert.Equal(-0.3, rig.State.Position[0], 2);
    }

    [Fact]
    public void DriveFault_ReadReportsDeviceFaultWithEmcy_RecoverResetsAndReactivates()
    {
        using var rig = new Cia402Rig(drives: 2);
        var writer = rig.Start();
        var command = Cia402Rig.PositionCommand(2, 0.1);
        for (int i = 0; i < 20; i++) rig.Cycle(writer, command, out _);
        rig.Twins[1].InjectFault(0x2310);
        BusStatus status = BusStatus.Ok;
        for (int i = 0; i < 5 && status == BusStatus.Ok; i++) status = rig.Cycle(writer, command, out _);
        Assert.Equal(BusStatus.DeviceFault, status);
        Assert.Equal(DeviceState.Faulted, rig.JointBus.State);
        Assert.False(writer.IsValid);
        var drive = rig.Driver.GetDriveStatus(1);
        Assert.Equal(0x2310, drive.LastEmergencyCode);
        Assert.Equal(Cia402State.Fault, drive.State);
        Assert.Equal(0.0, rig.Twins[1].AppliedTorqueNm);

        // Faulted: no more writes, but the reads keep the healthy drive's state fresh with SYNC alone.
        for (int i = 0; i < 3; i++) rig.Cycle(writer, command, out _);
        Assert.Equal(1UL, rig.State.FreshMask & 1);
        Assert.Equal(Cia402State.OperationEnabled, rig.Twins[0].StateMachine.State);
        var ex = Assert.Throws<InvalidOperationException>(() => rig.Driver.EnableDrives());
        Assert.Contains("continuous over-current", ex.Message);
        rig.JointBus.Recover();
        Assert.Equal(Cia402State.SwitchOnDisabled, rig.Twins[1].StateMachine.State);
        Assert.Equal(0, rig.Driver.GetDriveStatus(1).LastEmergencyCode); // the "error reset" EMCY
        var again = rig.JointBus.Activate();
        for (int i = 0; i < 10; i++) Assert.Equal(BusStatus.Ok, rig.Cycle(again, command, out _));
    }

    [Fact]
    public void LostHeartbeat_BecomesDeviceLostOnce_AndRecoverDisablesTheDrives()
    {
        using var rig = new Cia402Rig(drives: 2);
        var writer = rig.Start();
        var command = Cia402Rig.PositionCommand(2, 0);
        for (int i = 0; i < 50; i++) Assert.Equal(BusStatus.Ok, rig.Cycle(writer, command, out _));
        rig.Twins[0].SilenceHeartbeat = true;
        var statuses = new List<BusStatus>();
        for (int i = 0; i < 200; i++) statuses.Add(rig.Cycle(writer, command, out _));
        Assert.Contains(BusStatus.DeviceLost, statuses);
        Assert.Equal(DeviceState.Faulted, rig.JointBus.State);
        Assert.Equal(1, rig.Driver.HeartbeatTimeouts);
        Assert.True(rig.Driver.GetDriveStatus(0).HeartbeatLost);
        rig.JointBus.Recover();
        Assert.All(rig.Twins, t => Assert.Equal(Cia402State.SwitchOnDisabled, t.StateMachine.State));
    }

    [Fact]
    public void NoReply_TimeoutsThenDeviceLostAfterMaxMissedCycles()
    {
        using var rig = new Cia402Rig(drives: 1, new Cia402BusOptions { MaxMissedCycles = 3 });
        var writer = rig.Start();
        var command = Cia402Rig.PositionCommand(1, 0);
        rig.Cycle(writer, command, out _);
        rig.Twins[0].NoReply = true;
        var statuses = new List<BusStatus>();
        for (int i = 0; i < 5; i++) statuses.Add(rig.Cycle(writer, command, out _));
        Assert.Equal([BusStatus.Ok, BusStatus.Timeout, BusStatus.Timeout, BusStatus.Timeout, BusStatus.DeviceLost], statuses);
        Assert.Equal(0UL, rig.State.FreshMask & 1);
        Assert.Equal(DeviceState.Faulted, rig.JointBus.State);
        Assert.Equal(4, rig.Driver.GetDriveStatus(0).MissedCycles);
    }

    [Fact]
    public void MasterBusOff_IsDeviceLost()
    {
        using var rig = new Cia402Rig(drives: 1);
        var writer = rig.Start();
        var command = Cia402Rig.PositionCommand(1, 0);
        rig.Cycle(writer, command, out _);
        rig.MasterNode.ForceBusOff();
        rig.Tick();
        Assert.Equal(BusStatus.DeviceLost, rig.Cycle(writer, command, out _));
        Assert.Equal(DeviceState.Faulted, rig.JointBus.State);
        Assert.Equal(1, rig.Driver.ChannelCounters.BusOffEvents);
    }

    [Fact]
    public void MasterBusOff_RestartThenRecover_ActivatesAgainWithoutNewProcess()
    {
        using var rig = new Cia402Rig(drives: 2);
        var writer = rig.Start();
        var command = Cia402Rig.PositionCommand(2, 0.1);
        rig.Cycle(writer, command, out _);
        rig.MasterNode.ForceBusOff();
        rig.Tick();
        Assert.Equal(BusStatus.DeviceLost, rig.Cycle(writer, command, out _));
        rig.MasterNode.Restart();
        rig.Tick();
        rig.JointBus.Recover();
        var again = rig.JointBus.Activate();
        for (int i = 0; i < 500; i++) Assert.Equal(BusStatus.Ok, rig.Cycle(again, command, out _));
        Assert.Equal(0.1, rig.State.Position[1], 2);
    }

    [Fact]
    public void DriveBusOff_LooksLikeALostDrive()
    {
        using var rig = new Cia402Rig(drives: 2, new Cia402BusOptions { MaxMissedCycles = 2 });
        var writer = rig.Start();
        var command = Cia402Rig.PositionCommand(2, 0);
        rig.Cycle(writer, command, out _);
        rig.DriveNodes[1].ForceBusOff();
        var statuses = new List<BusStatus>();
        for (int i = 0; i < 4; i++) statuses.Add(rig.Cycle(writer, command, out _));
        Assert.Equal(BusStatus.DeviceLost, statuses[^1]);
        Assert.True(rig.Driver.GetDriveStatus(1).MissedCycles >= 3);
        Assert.Equal(0L, rig.Driver.GetDriveStatus(0).MissedCycles);
    }

    [Fact]
    public void FollowingError_TwinFaultsWith8611()
    {
        using var rig = new Cia402Rig(drives: 1);
        var writer = rig.Start();
        BusStatus status = BusStatus.Ok;
        var far = Cia402Rig.PositionCommand(1, 3.0); // window is 1 rad
        for (int i = 0; i < 5 && status == BusStatus.Ok; i++) status = rig.Cycle(writer, far, out _);
        Assert.Equal(BusStatus.DeviceFault, status);
        Assert.Equal(0x8611, rig.Driver.GetDriveStatus(0).LastEmergencyCode);
    }

    [Fact]
    public void Open_NodeThatIsNotACia402Drive_ThrowsNamingIt()
    {
        using var rig = new Cia402Rig(drives: 1, beforeDriver: r => r.Twins[0].Dictionary.Get(0x1000).Value = 0x0191);
        var ex = Assert.Throws<InvalidOperationException>(() => rig.JointBus.Configure());
        Assert.Contains("node 1", ex.Message);
        Assert.Contains("0x00000191", ex.Message);
    }

    [Fact]
    public void Open_MissingNode_ThrowsSdoTimeout()
    {
        using var rig = new Cia402Rig(drives: 1, beforeDriver: r => r.Twins[0].NoReply = true);
        var ex = Assert.Throws<SdoException>(() => rig.JointBus.Configure());
        Assert.Equal(SdoAbortCode.Timeout, ex.AbortCode);
        Assert.Contains("node 1", ex.Message);
    }

    [Fact]
    public void Constructor_DuplicateNode_Throws()
    {
        using var bus = new Controller.Hardware.Transports.Can.VirtualCanBus();
        var drives = new[] { new Cia402DriveConfig(3, Cia402Rig.Scaling), new Cia402DriveConfig(3, Cia402Rig.Scaling) };
        Assert.Throws<ArgumentException>(() => new Cia402CanDriver("x", bus.AddNode("m"), drives, new Controller.Pipeline.Time.ManualClock()));
    }
}
