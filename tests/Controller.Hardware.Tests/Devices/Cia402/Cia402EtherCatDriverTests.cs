using System.Buffers.Binary;
using Controller.Hardware.Devices;
using Controller.Hardware.Devices.Cia402;
using Controller.Hardware.Devices.EtherCat;
using Controller.Hardware.Protocols.Cia402;
using Controller.Hardware.Protocols.EtherCat.Esc;
using Controller.Hardware.Tests.Support;
using Controller.Pipeline.Messages;

namespace Controller.Hardware.Tests.Devices.Cia402;

public class Cia402EtherCatDriverTests
{
    private static void Run(Cia402EtherCatRig rig, JointBusWriter? writer, JointCommand command, int cycles)
    {
        for (int i = 0; i < cycles; i++) rig.Cycle(writer, command, out _);
    }

    [Fact]
    public void Start_TwoDrives_MapsThePdosOverCoeAndFollowsAPositionInCsp()
    {
        using var rig = new Cia402EtherCatRig(2);
        var writer = rig.Start();

        var drive = rig.Drives[1];
        Assert.Equal(5, drive.Dictionary.Get(0x1600, 0)![0]); // the driver's mapping replaced the drive's two-entry default
        Assert.Equal(0x60710010u, BinaryPrimitives.ReadUInt32LittleEndian(drive.Dictionary.Get(0x1600, 4)));
        Assert.Equal((26, 52), (rig.Driver.Group.Layout!.OutputBytes, rig.Driver.Group.Layout.ImageBytes));
        Assert.Equal(Cia402State.OperationEnabled, drive.StateMachine.State);

        Run(rig, writer, Cia402EtherCatRig.Command(2, ControlMode.Position, 0.5), 1500);
        for (int j = 0; j < 2; j++)
        {
            Assert.InRange(rig.Plant.GetPositionRad(j), 0.48, 0.52);
            Assert.InRange(rig.State.Position[j], 0.48, 0.52);
        }
        Assert.Equal(0b11UL, rig.State.FreshMask);
        Assert.Equal(0, rig.JointBus.Faults);
        Assert.Equal((sbyte)Cia402Mode.CyclicSyncPosition, (sbyte)drive.Dictionary.Get(0x6061, 0)![0]);
    }

    [Fact]
    public void Write_VelocityThenEffort_DrivesSwitchToCsvAndCst()
    {
        using var rig = new Cia402EtherCatRig(1);
        var writer = rig.Start();

        Run(rig, writer, Cia402EtherCatRig.Command(1, ControlMode.Velocity, 1.0), 400);
        Assert.InRange(rig.State.Velocity[0], 0.9, 1.1);
        Assert.Equal((sbyte)Cia402Mode.CyclicSyncVelocity, (sbyte)rig.Drives[0].Dictionary.Get(0x6061, 0)![0]);

        Run(rig, writer, Cia402EtherCatRig.Command(1, ControlMode.Effort, 0.3), 20);
        Assert.Equal((sbyte)Cia402Mode.CyclicSyncTorque, (sbyte)rig.Drives[0].Dictionary.Get(0x6061, 0)![0]);
        Assert.InRange(rig.Drives[0].AppliedTorqueNm, 0.299, 0.301);
        Assert.InRange(rig.State.Effort[0], 0.29, 0.31);
    }

    [Fact]
    public void ReadWrite_ThousandsOfCyclesWithFourDrives_AllocateNothing()
    {
        using var rig = new Cia402EtherCatRig(4);
        var writer = rig.Start();
        var command = Cia402EtherCatRig.Command(4, ControlMode.Position, 0.2);

        long allocated = SteadyState.AllocatedBytes(i => rig.Cycle(writer, command, out _));

        Assert.Equal(0, allocated);
        Assert.Equal(0, rig.JointBus.Faults);
        Assert.InRange(rig.State.Position[3], 0.19, 0.21);
    }

    [Fact]
    public void Read_LostFrames_OneIsACountedTimeoutMoreAreDeviceLostAndRecoverResumes()
    {
        using var rig = new Cia402EtherCatRig(1, new Cia402EtherCatOptions { MaxMissedCycles = 2 });
        var writer = rig.Start();
        var command = Cia402EtherCatRig.Command(1, ControlMode.Position, 0.3);
        Run(rig, writer, command, 10);

        rig.Segment.DropNextFrames(1);
        rig.Cycle(writer, command, out _);
        Assert.Equal(BusStatus.Timeout, rig.Cycle(writer, command, out _));
        Assert.Equal(0UL, rig.State.FreshMask);
        Assert.Equal(BusStatus.Ok, rig.Cycle(writer, command, out _));
        Assert.Equal(DeviceState.Active, rig.JointBus.State);

        rig.Segment.DropNextFrames(3);
        for (int i = 0; i < 4; i++) rig.Cycle(writer, command, out _);
        Assert.Equal(DeviceState.Faulted, rig.JointBus.State);
        Assert.Equal(BusStatus.DeviceLost, rig.JointBus.LastFault);

        rig.JointBus.Recover();
        var again = rig.JointBus.Activate();
        Run(rig, again, command, 1000);
        Assert.InRange(rig.State.Position[0], 0.28, 0.32);
        Assert.True(rig.Driver.Group.LostFrames >= 4);
    }

    [Fact]
    public void Read_WrongWorkingCounter_CountedThenDeviceLostAndRecovered()
    {
        using var rig = new Cia402EtherCatRig(2, new Cia402EtherCatOptions { MaxMissedCycles = 3 });
        var writer = rig.Start();
        var command = Cia402EtherCatRig.Command(2, ControlMode.Position, 0.1);
        Run(rig, writer, command, 10);

        rig.Drives[1].Slave.ProcessDataDisabled = true;
        rig.Cycle(writer, command, out _);
        Assert.Equal(BusStatus.Timeout, rig.Cycle(writer, command, out _));
        Run(rig, writer, command, 4);
        Assert.Equal(DeviceState.Faulted, rig.JointBus.State);
        Assert.Equal(BusStatus.DeviceLost, rig.JointBus.LastFault);
        Assert.True(rig.Driver.Group.WorkingCounterErrors >= 4);
        Assert.Equal((6, 3), (rig.Driver.Group.LastWorkingCounterError.Expected, rig.Driver.Group.LastWorkingCounterError.Received)); // 3 per drive; one drive silent

        rig.Drives[1].Slave.ProcessDataDisabled = false;
        rig.JointBus.Recover();
        Run(rig, rig.JointBus.Activate(), command, 500);
        Assert.Equal(DeviceState.Active, rig.JointBus.State);
        Assert.InRange(rig.State.Position[1], 0.09, 0.11);
    }

    [Fact]
    public void Read_DriveFallsToSafeOpWithCode_DeviceFaultSameCycleThenRecoverBackToOp()
    {
        using var rig = new Cia402EtherCatRig(2, new Cia402EtherCatOptions { FaultReaction = EtherCatFaultReaction.Disable });
        var writer = rig.Start();
        var command = Cia402EtherCatRig.Command(2, ControlMode.Position, 0.2);
        Run(rig, writer, command, 300);

        rig.Drives[0].Slave.Fail(AlState.SafeOp, AlStatusCode.SyncManagerWatchdog);
        rig.Cycle(writer, command, out _);
        Assert.Equal(BusStatus.DeviceFault, rig.Cycle(writer, command, out _));
        Assert.Equal(DeviceState.Faulted, rig.JointBus.State);
        Assert.Equal(EtherCatGroupState.Faulted, rig.Driver.Group.State);
        Run(rig, null, command, 3);
        Assert.Equal(Cia402State.SwitchOnDisabled, rig.Drives[1].StateMachine.State); // disable reaction: zeros reached the drive still in OP

        rig.JointBus.Recover();
        Assert.Contains(rig.Driver.Group.LastRecoveredSlaves, s => s.AlStatusCode == (ushort)AlStatusCode.SyncManagerWatchdog && s.State == AlState.SafeOp);
        Run(rig, rig.JointBus.Activate(), command, 300);
        Assert.Equal(DeviceState.Active, rig.JointBus.State);
        Assert.Equal(AlState.Op, rig.Drives[0].Slave.Al.State);
        Assert.InRange(rig.State.Position[0], 0.18, 0.22);
    }

    [Fact]
    public void Read_DriveDisappearsAndReturns_DeviceLostHoldReactionKeepsTheOtherDriveThenRecovers()
    {
        using var rig = new Cia402EtherCatRig(2, new Cia402EtherCatOptions { FaultReaction = EtherCatFaultReaction.Hold, MaxMissedCycles = 2 });
        var writer = rig.Start();
        var command = Cia402EtherCatRig.Command(2, ControlMode.Position, 0.4);
        Run(rig, writer, command, 1000);

        rig.Drives[0].Slave.Present = false;
        Run(rig, writer, command, 5);
        Assert.Equal(DeviceState.Faulted, rig.JointBus.State);
        Assert.Equal(BusStatus.DeviceLost, rig.JointBus.LastFault);
        Run(rig, null, command, 200);
        Assert.Equal(Cia402State.OperationEnabled, rig.Drives[1].StateMachine.State); // hold: still enabled, holding where it was
        Assert.InRange(rig.Plant.GetPositionRad(1), 0.38, 0.42);

        rig.Drives[0].Slave.Present = true;
        rig.JointBus.Recover();
        Run(rig, rig.JointBus.Activate(), Cia402EtherCatRig.Command(2, ControlMode.Position, -0.2), 1500);
        Assert.InRange(rig.State.Position[0], -0.22, -0.18);
        Assert.InRange(rig.State.Position[1], -0.22, -0.18);
    }

    [Fact]
    public void Read_DriveFault_DeviceFaultThenFaultResetAndReEnable()
    {
        using var rig = new Cia402EtherCatRig(1);
        var writer = rig.Start();
        var command = Cia402EtherCatRig.Command(1, ControlMode.Position, 0.1);
        Run(rig, writer, command, 10);

        rig.Drives[0].InjectFault(0x2310);
        Run(rig, writer, command, 3);
        Assert.Equal(DeviceState.Faulted, rig.JointBus.State);
        Assert.Equal(BusStatus.DeviceFault, rig.JointBus.LastFault);
        Assert.Equal(Cia402State.Fault, rig.Driver.GetDriveState(0).State);
        Assert.Throws<InvalidOperationException>(() => rig.JointBus.Activate());

        rig.JointBus.Recover();
        Assert.Equal(0, BinaryPrimitives.ReadUInt16LittleEndian(rig.Drives[0].Dictionary.Get(0x603F, 0)));
        Run(rig, rig.JointBus.Activate(), command, 500);
        Assert.Equal(Cia402State.OperationEnabled, rig.Drives[0].StateMachine.State);
        Assert.InRange(rig.State.Position[0], 0.09, 0.11);
    }

    [Fact]
    public void Constructor_DriveNotInGroup_ThrowsNamingTheStations()
    {
        using var rig = new Cia402EtherCatRig(1);
        var ex = Assert.Throws<ArgumentException>(() =>
            new Cia402EtherCatDriver("x", rig.Driver.Group, [new Cia402EtherCatDriveConfig(0x2000, Cia402EtherCatRig.Scaling)]));
        Assert.Contains("0x2000", ex.Message);
        Assert.Contains("0x1001", ex.Message);
    }
}
