using System.Buffers.Binary;
using Controller.Hardware.Devices;
using Controller.Hardware.Devices.Cia402;
using Controller.Hardware.Devices.EtherCat;
using Controller.Hardware.Protocols.EtherCat.Esc;
using Controller.Hardware.Tests.Devices.Cia402;
using Controller.Pipeline.Messages;

namespace Controller.Hardware.Tests.Devices.EtherCat;

/// <summary>
/// <see cref="EtherCatGroup.Recover"/> with distributed clocks: a drive that loses power (registers, DC offset, delay and
/// SYNC0 gone, station address cleared) comes back and must be measured, offset and SYNC0-armed again on the running
/// grid, while the slaves that stayed keep their system time. An EK1100 (reference clock) and simulated drives in
/// stepped true time, so every figure is deterministic.
/// </summary>
public class EtherCatGroupDcRecoverTests
{
    private const long CycleNs = Cia402EtherCatRig.PeriodNs;
    private const long ShiftNs = 100_000;

    private static Cia402EtherCatRig Rig(int drives)
    {
        var options = new Cia402EtherCatOptions
        {
            DistributedClocks = new EtherCatDcOptions { CycleTimeNs = CycleNs, Sync0ShiftNs = ShiftNs, Sync0StartDelayNs = 3_000_000, DriftCompensationFrames = 300 },
        };
        var rig = new Cia402EtherCatRig(drives, options, steppedTime: true);
        double[] drifts = [0, 40, -60, 25];
        for (int i = 0; i < rig.Segment.Slaves.Count; i++)
        {
            rig.Segment.Slaves[i].Dc.DriftPpm = drifts[i];
            rig.Segment.Slaves[i].Dc.LocalStartNs = 1_000_000_000L * (5 * i + 2) + 7_777 * i;
        }
        return rig;
    }

    private static void Run(Cia402EtherCatRig rig, JointBusWriter? writer, JointCommand command, int cycles)
    {
        for (int i = 0; i < cycles; i++) rig.Cycle(writer, command, out _);
    }

    /// <summary>Takes the drive's slave off the wire until the bus is lost, power-cycles it and plugs it back in.</summary>
    private static void PowerCycleWhileAway(Cia402EtherCatRig rig, JointBusWriter writer, int drive, JointCommand command)
    {
        var slave = rig.Drives[drive].Slave;
        slave.Present = false;
        Run(rig, writer, command, 10);
        slave.PowerCycle(localStartNs: 123_456_789);
        slave.Present = true;
    }

    [Fact]
    public void Recover_DcDriveLostPowerAndReturned_RemeasuresOffsetsRearmsSync0OnTheGridAndResumesCsp()
    {
        using var rig = Rig(2);
        var writer = rig.Start();
        Run(rig, writer, Cia402EtherCatRig.Command(2, ControlMode.Position, 0.2), 300);
        var reference = rig.Segment.Slaves[0];
        var drive = rig.Drives[1];
        long referenceBefore = reference.Dc.SystemTimeNs(rig.TrueTimeNs) - rig.TrueTimeNs;

        PowerCycleWhileAway(rig, writer, 1, Cia402EtherCatRig.Command(2, ControlMode.Position, 0.2));
        Assert.Equal(DeviceState.Faulted, rig.JointBus.State);
        Assert.False(drive.Slave.Dc.Sync0Active);
        Assert.Equal(0, drive.Slave.StationAddress);

        rig.JointBus.Recover();
        var again = rig.JointBus.Activate();
        long settledMisses = drive.SmEventsMissed;
        long latches = drive.Sync0Latches;
        Run(rig, again, Cia402EtherCatRig.Command(2, ControlMode.Position, 0.4), 1500);

        var group = rig.Driver.Group;
        Assert.Equal(1, group.DcRecoveries);
        Assert.Equal(DeviceState.Active, rig.JointBus.State);
        Assert.Equal(0x1002, drive.Slave.StationAddress);
        Assert.Contains(group.LastRecoveredSlaves, s => s.StationAddress == 0x1002 && s.State == AlState.Init);
        // SYNC0 again, on the grid the other slaves never left: the same shift after the cycle boundary, same cycle.
        Assert.True(drive.DcSynchronous);
        Assert.Equal(CycleNs, drive.Slave.Dc.Sync0CycleNs);
        Assert.Equal(ShiftNs, drive.Slave.Dc.Sync0StartNs % CycleNs);
        Assert.Equal(reference.Dc.NextSync0PulseNs(reference.Dc.LastFrameSystemTimeNs), drive.Slave.Dc.NextSync0PulseNs(reference.Dc.LastFrameSystemTimeNs));
        // Its system time equals the reference's again; the reference's own time did not jump (it kept its offset).
        long now = rig.TrueTimeNs;
        Assert.InRange(drive.Slave.Dc.SystemTimeNs(now) - reference.Dc.SystemTimeNs(now), -100, 100);
        Assert.InRange(reference.Dc.SystemTimeNs(now) - now - referenceBefore, -10, 10);
        // One SYNC0 between consecutive frames, no missed frame and no sync error after the return.
        Assert.InRange(drive.Sync0Latches - latches, 1400, 1500);
        Assert.Equal(settledMisses, drive.SmEventsMissed);
        Assert.Equal(0, drive.Dictionary.Get(SyncManagerParameters.Outputs, SyncManagerParameters.SyncError)![0]);
        for (int j = 0; j < 2; j++)
            Assert.InRange(rig.State.Position[j], 0.38, 0.42);
    }

    [Fact]
    public void Recover_DcDriveStillAway_RefusedWithoutTouchingTheSlaveAtItsPosition()
    {
        using var rig = Rig(3);
        var writer = rig.Start();
        var command = Cia402EtherCatRig.Command(3, ControlMode.Position, 0.1);
        Run(rig, writer, command, 100);
        var away = rig.Drives[1].Slave;
        away.Present = false;
        Run(rig, writer, command, 10);
        away.PowerCycle();

        Assert.Throws<EtherCatException>(() => rig.Driver.Group.Recover());

        // The drive behind it now answers at the lost one's position: it must keep its own address.
        Assert.Equal(0x1003, rig.Drives[2].Slave.StationAddress);
        Assert.Equal(0, rig.Driver.Group.DcRecoveries);
    }

    [Fact]
    public void Recover_DcSlaveFellToSafeOpOnly_LeavesDistributedClocksAlone()
    {
        using var rig = Rig(1);
        var writer = rig.Start();
        var command = Cia402EtherCatRig.Command(1, ControlMode.Position, 0.1);
        Run(rig, writer, command, 100);
        var slave = rig.Drives[0].Slave;
        long offset = BinaryPrimitives.ReadInt64LittleEndian(slave.GetMutableMemory()[EscRegister.DcSystemTimeOffset..]);
        long start = slave.Dc.Sync0StartNs;

        slave.Fail(AlState.SafeOp, AlStatusCode.SyncManagerWatchdog);
        Run(rig, writer, command, 5);
        rig.JointBus.Recover();
        Run(rig, rig.JointBus.Activate(), command, 200);

        Assert.Equal(DeviceState.Active, rig.JointBus.State);
        Assert.Equal(0, rig.Driver.Group.DcRecoveries);
        Assert.Equal(offset, BinaryPrimitives.ReadInt64LittleEndian(slave.GetMutableMemory()[EscRegister.DcSystemTimeOffset..]));
        Assert.Equal(start, slave.Dc.Sync0StartNs);
    }
}
