using System.Buffers.Binary;
using Controller.Hardware.Devices;
using Controller.Hardware.Devices.Cia402;
using Controller.Hardware.Devices.EtherCat;
using Controller.Hardware.Protocols.Cia402;
using Controller.Hardware.Protocols.EtherCat.Esc;
using Controller.Hardware.Tests.Support;
using Controller.Pipeline.Messages;

namespace Controller.Hardware.Tests.Devices.Cia402;

/// <summary>
/// The EtherCAT CiA 402 driver with distributed clocks on: an EK1100 (reference clock) and simulated drives whose clocks
/// start at different times and drift, in stepped true time (one period per cycle), so every figure is deterministic.
/// </summary>
public class Cia402EtherCatDcTests
{
    private const long CycleNs = Cia402EtherCatRig.PeriodNs;
    private const long ShiftNs = 100_000;

    private static Cia402EtherCatOptions DcOptions(int driftFrames = 300) => new()
    {
        DistributedClocks = new EtherCatDcOptions
        {
            CycleTimeNs = CycleNs, Sync0ShiftNs = ShiftNs, Sync0StartDelayNs = 3_000_000, DriftCompensationFrames = driftFrames,
        },
    };

    private static Cia402EtherCatRig Rig(int drives, double[] driftsPpm, Cia402EtherCatOptions? options = null)
    {
        var rig = new Cia402EtherCatRig(drives, options ?? DcOptions(), steppedTime: true);
        for (int i = 0; i < rig.Segment.Slaves.Count; i++)
        {
            rig.Segment.Slaves[i].Dc.DriftPpm = driftsPpm[i];
            rig.Segment.Slaves[i].Dc.LocalStartNs = 1_000_000_000L * (5 * i + 2) + 7_777 * i; // powered up at different times
        }
        return rig;
    }

    private static void Run(Cia402EtherCatRig rig, JointBusWriter writer, JointCommand command, int cycles)
    {
        for (int i = 0; i < cycles; i++) rig.Cycle(writer, command, out _);
    }

    private static ushort U16(Cia402EtherCatRig rig, int drive, ushort index, byte sub) =>
        BinaryPrimitives.ReadUInt16LittleEndian(rig.Drives[drive].Dictionary.Get(index, sub));

    private static int TargetIncrements(Cia402EtherCatRig rig, int drive) =>
        BinaryPrimitives.ReadInt32LittleEndian(rig.Drives[drive].Dictionary.Get(Cia402Objects.TargetPosition, 0));

    [Fact]
    public void Open_DcOn_Sync0StartsOnTheGridOnEveryDcSlaveAndDrivesAreInDcSync0Mode()
    {
        using var rig = Rig(2, [0, 40, -60]);
        rig.Start();

        var group = rig.Driver.Group;
        Assert.NotNull(group.DcTopology);
        Assert.Equal(0x1000, group.DcTopology!.ReferenceStation);
        Assert.Equal(ShiftNs, group.Sync0StartTimeNs % CycleNs);
        foreach (var slave in rig.Segment.Slaves)
        {
            Assert.True(slave.Dc.Sync0Active);
            Assert.Equal(group.Sync0StartTimeNs, slave.Dc.Sync0StartNs);
            Assert.Equal(CycleNs, slave.Dc.Sync0CycleNs);
        }
        for (int d = 0; d < 2; d++)
        {
            Assert.Equal(SyncManagerParameters.DcSync0, U16(rig, d, SyncManagerParameters.Outputs, SyncManagerParameters.SyncMode));
            Assert.Equal(SyncManagerParameters.DcSync0, U16(rig, d, SyncManagerParameters.Inputs, SyncManagerParameters.SyncMode));
            Assert.Equal((uint)CycleNs, BinaryPrimitives.ReadUInt32LittleEndian(rig.Drives[d].Dictionary.Get(SyncManagerParameters.Outputs, SyncManagerParameters.CycleTime)));
            Assert.True(rig.Drives[d].DcSynchronous);
            Assert.Equal(Cia402State.OperationEnabled, rig.Drives[d].StateMachine.State);
        }
        Assert.NotNull(rig.Driver.Pacing);
        Assert.Equal(ShiftNs + CycleNs / 2, rig.Driver.Pacing!.PhaseLock.PhaseNs); // half a cycle before SYNC0
    }

    [Fact]
    public void Cycle_DcOn_EveryFrameCarriesTheFrmwSystemTimesStayAlignedAndDrivesFollowCsp()
    {
        using var rig = Rig(2, [0, 40, -60]);
        var writer = rig.Start();
        rig.Cycle(writer, Cia402EtherCatRig.Command(2, ControlMode.Position, 0), out _); // the first read after Start exchanges a frame itself
        var reference = rig.Segment.Slaves[0];
        long frames = rig.Segment.FramesProcessed;
        long[] compares = rig.Segment.Slaves.Select(s => s.Dc.Compares).ToArray();
        long latches = rig.Drives[0].Sync0Latches;

        Run(rig, writer, Cia402EtherCatRig.Command(2, ControlMode.Position, 0.5), 1500);

        long sent = rig.Segment.FramesProcessed - frames;
        Assert.Equal(1500, sent); // one cyclic frame per cycle
        for (int i = 1; i < rig.Segment.Slaves.Count; i++)
            Assert.Equal(sent, rig.Segment.Slaves[i].Dc.Compares - compares[i]); // each one compared the reference's time
        Assert.Equal(compares[0], reference.Dc.Compares); // the reference itself is only read
        Assert.InRange(rig.Drives[0].Sync0Latches - latches, 1499, 1500); // one SYNC0 between consecutive frames
        Assert.Equal(0, rig.Drives[0].SmEventsMissed);
        long now = rig.TrueTimeNs;
        foreach (var slave in rig.Segment.Slaves)
            Assert.InRange(slave.Dc.SystemTimeNs(now) - reference.Dc.SystemTimeNs(now), -20, 20);
        Assert.Equal(rig.Driver.Group.ReferenceClockTimeNs, reference.Dc.LastFrameSystemTimeNs);
        for (int j = 0; j < 2; j++)
            Assert.InRange(rig.State.Position[j], 0.48, 0.52);
        Assert.Equal(0, rig.JointBus.Faults);
    }

    [Fact]
    public void Write_DcOn_DriveTakesTheNewTargetAtTheNextSync0NotWhenTheFrameArrives()
    {
        using var rig = Rig(1, [0, 25]);
        var writer = rig.Start();
        Run(rig, writer, Cia402EtherCatRig.Command(1, ControlMode.Position, 0.1), 300);
        int before = TargetIncrements(rig, 0);

        rig.Cycle(writer, Cia402EtherCatRig.Command(1, ControlMode.Position, 0.3), out _);
        int afterFrame = TargetIncrements(rig, 0);
        rig.Cycle(writer, Cia402EtherCatRig.Command(1, ControlMode.Position, 0.3), out _);
        int afterSync0 = TargetIncrements(rig, 0);

        Assert.Equal(Cia402EtherCatRig.Scaling.PositionToIncrements(0.1), before);
        Assert.Equal(before, afterFrame); // in the drive's buffer, not yet its target
        Assert.Equal(Cia402EtherCatRig.Scaling.PositionToIncrements(0.3), afterSync0);
    }

    [Fact]
    public void Write_FreeRun_DriveTakesTheNewTargetWhenTheFrameArrives()
    {
        using var rig = Rig(1, [0, 25], new Cia402EtherCatOptions());
        var writer = rig.Start();
        Run(rig, writer, Cia402EtherCatRig.Command(1, ControlMode.Position, 0.1), 50);

        rig.Cycle(writer, Cia402EtherCatRig.Command(1, ControlMode.Position, 0.3), out _);

        Assert.False(rig.Drives[0].DcSynchronous);
        Assert.Equal(Cia402EtherCatRig.Scaling.PositionToIncrements(0.3), TargetIncrements(rig, 0));
    }

    [Fact]
    public void Cycle_OneFrameLostInDcMode_CountedInSmEventMissedWithoutSyncError()
    {
        using var rig = Rig(1, [0, 25]);
        var writer = rig.Start();
        var command = Cia402EtherCatRig.Command(1, ControlMode.Position, 0.2);
        Run(rig, writer, command, 20);

        rig.Segment.DropNextFrames(1);
        Run(rig, writer, command, 20);

        Assert.Equal(1, rig.Drives[0].SmEventsMissed);
        Assert.Equal(1, U16(rig, 0, SyncManagerParameters.Outputs, SyncManagerParameters.SmEventMissedCounter));
        Assert.Equal(0, rig.Drives[0].Dictionary.Get(SyncManagerParameters.Outputs, SyncManagerParameters.SyncError)![0]);
        Assert.Equal(AlState.Op, rig.Drives[0].Slave.Al.State);
    }

    [Fact]
    public void Cycle_FramesStopBetweenSync0Pulses_DriveReportsFatalSyncErrorAndRecoverResumes()
    {
        using var rig = Rig(1, [0, 25]);
        var writer = rig.Start();
        var command = Cia402EtherCatRig.Command(1, ControlMode.Position, 0.2);
        Run(rig, writer, command, 50);

        rig.Segment.DropNextFrames(4);
        Run(rig, writer, command, 8);

        var drive = rig.Drives[0];
        Assert.Equal(AlState.SafeOp, drive.Slave.Al.State);
        Assert.Equal(AlStatusCode.FatalSyncError, drive.Slave.Al.StatusCode);
        Assert.Equal(1, drive.Dictionary.Get(SyncManagerParameters.Outputs, SyncManagerParameters.SyncError)![0]);
        Assert.InRange(drive.SmEventsMissed, 4, 8); // the lost frames, and cycles the faulted bus sent none
        Assert.Equal(DeviceState.Faulted, rig.JointBus.State);

        rig.JointBus.Recover();
        var again = rig.JointBus.Activate();
        Run(rig, again, Cia402EtherCatRig.Command(1, ControlMode.Position, 0.4), 1000);

        Assert.Equal(DeviceState.Active, rig.JointBus.State);
        Assert.Equal(0, drive.Dictionary.Get(SyncManagerParameters.Outputs, SyncManagerParameters.SyncError)![0]);
        Assert.InRange(rig.State.Position[0], 0.38, 0.42);
    }

    [Fact]
    public void Pacing_DriftingReferenceClock_LocksTheFramesHalfACycleBeforeSync0()
    {
        using var rig = Rig(1, [80, 30]); // the reference clock runs 80 ppm fast against the host loop's clock
        var writer = rig.Start();
        var pacing = rig.Driver.Pacing!;
        var command = Cia402EtherCatRig.Command(1, ControlMode.Position, 0.1);
        var errors = new long[3000];
        long shiftBeforeLastThousand = 0;

        for (int i = 0; i < errors.Length; i++)
        {
            if (i == 2000) shiftBeforeLastThousand = pacing.ShiftNs;
            rig.Cycle(writer, command, out _);
            errors[i] = pacing.PhaseLock.PhaseErrorNs;
        }

        Assert.Contains(errors[..50], e => Math.Abs(e) > 10_000); // it started out of phase
        Assert.All(errors[^300..], e => Assert.InRange(e, -100, 100));
        long phase = rig.Segment.Slaves[0].Dc.LastFrameSystemTimeNs % CycleNs;
        Assert.InRange(phase, ShiftNs + CycleNs / 2 - 100, ShiftNs + CycleNs / 2 + 100);
        // Locked, the host period is one DC period of a clock 80 ppm fast: 80 ns shorter per cycle.
        Assert.InRange(pacing.ShiftNs - shiftBeforeLastThousand, -82_000, -78_000);
        Assert.Equal(0, rig.Drives[0].SmEventsMissed);
    }

    [Fact]
    public void ReadWrite_DcOnThousandsOfCycles_AllocateNothing()
    {
        using var rig = Rig(2, [10, -30, 50]);
        var writer = rig.Start();
        var command = Cia402EtherCatRig.Command(2, ControlMode.Position, 0.2);

        long allocated = SteadyState.AllocatedBytes(i => rig.Cycle(writer, command, out _));

        Assert.Equal(0, allocated);
        Assert.Equal(0, rig.JointBus.Faults);
        Assert.True(rig.Driver.Pacing!.Observations > 3000);
    }

    [Fact]
    public void Open_DriveInDcModeWithoutSync0_RefusesSafeOpWithInvalidDcSyncConfiguration()
    {
        // A start-up SDO puts the drive into DC SYNC0 mode, but the group is built without DC: no SYNC0 runs.
        var syncMode = new StartupSdo(0x1001, SyncManagerParameters.Outputs, SyncManagerParameters.SyncMode, [2, 0]);
        using var rig = new Cia402EtherCatRig(1, steppedTime: true);
        var group = new EtherCatGroup(rig.Port, rig.MasterTransport, rig.Driver.Group.Slaves,
            Cia402EtherCatDriver.GroupOptions([new Cia402EtherCatDriveConfig(0x1001, Cia402EtherCatRig.Scaling)], null,
                new EtherCatGroupOptions { StartupSdos = [syncMode] }));
        group.ToPreOp();

        var ex = Assert.Throws<EtherCatException>(() => group.ToSafeOp());

        Assert.Contains("0x0030", ex.Message);
    }
}
