using System.Buffers.Binary;
using Controller.Hardware.Devices.EtherCat;
using Controller.Hardware.Protocols.Cia402;
using Controller.Hardware.Protocols.EtherCat;
using Controller.Hardware.Protocols.EtherCat.Esc;
using Controller.Hardware.Simulation;
using Controller.Hardware.Simulation.EtherCat;

namespace Controller.Hardware.Tests.Simulation.EtherCat;

public class SimulatedCia402DriveTests
{
    private static readonly Cia402Scaling Scaling = new(131072, 10, 1.0);

    private static (SimulatedBench Bench, SimulatedCia402Drive Drive, IndependentJointPlant Plant, EtherCatGroup Group) Bench(EtherCatGroupOptions? options = null)
    {
        var plant = new IndependentJointPlant(1, inertiaKgM2: 0.02, dampingNmsPerRad: 0.1);
        var drive = new SimulatedCia402Drive(plant, 0, Scaling);
        var bench = new SimulatedBench(drive.Slave);
        var group = new EtherCatGroup(bench.Port, bench.MasterTransport, EtherCatDiscovery.Discover(bench.Port),
            (options ?? new EtherCatGroupOptions()) with { CycleTimeoutNs = 200_000_000 });
        return (bench, drive, plant, group);
    }

    [Fact]
    public void FromCoe_DefaultMapping_ReadsTheDrivesTwoEntryPdosAndPlansThem()
    {
        var (bench, _, _, group) = Bench();
        using var _ = bench;
        group.ToPreOp();
        var assignment = PdoAssignment.FromCoe(group.Mailbox(0x1000), group.Slaves[0].Sii);

        Assert.Equal([2, 3], assignment.Select(a => a.SyncManager));
        Assert.Equal([new PdoEntryMapping(0x6040, 0, 16), new PdoEntryMapping(0x607A, 0, 32)], assignment[0].Pdos.Single().Entries);
        Assert.Equal([new PdoEntryMapping(0x6041, 0, 16), new PdoEntryMapping(0x6064, 0, 32)], assignment[1].Pdos.Single().Entries);
        var layout = group.ToSafeOp();
        Assert.Equal((6, 12, 3), (layout.OutputBytes, layout.ImageBytes, (int)layout.ExpectedWorkingCounter));
    }

    [Fact]
    public void SafeOp_SmLengthNotMatchingTheCoeMapping_RefusedWithInvalidOutputConfiguration()
    {
        // The master plans from the SII (6 bytes) but the drive was re-mapped over CoE to 13: the drive refuses SAFE-OP, as real ones do.
        var (bench, _, _, group) = Bench(new EtherCatGroupOptions
        {
            PdoSource = PdoSource.Sii,
            PdoConfigurations = [new PdoConfiguration(0x1000, 2, [new PdoMapping(0x1600, [new(0x6040, 0, 16), new(0x607A, 0, 32), new(0x60FF, 0, 32), new(0x6071, 0, 16), new(0x6060, 0, 8)])])],
        });
        using var _ = bench;
        group.ToPreOp();
        var ex = Assert.Throws<EtherCatException>(() => group.ToSafeOp());
        Assert.Contains("0x001D", ex.Message);
    }

    [Fact]
    public void Op_ControlwordsThroughProcessData_StateMachineStepsAndTorqueFollowsTarget()
    {
        var (bench, drive, plant, group) = Bench(new EtherCatGroupOptions { StartupSdos = [new StartupSdo(0x1000, 0x6060, 0, [8])] });
        using var _ = bench;
        var writer = group.Start();
        var slave = group.Layout!.Slaves[0];
        int cw = slave.BitOffsetOf(true, 0x6040, 0) / 8, target = slave.BitOffsetOf(true, 0x607A, 0) / 8, sw = slave.BitOffsetOf(false, 0x6041, 0) / 8;

        foreach (ushort controlword in new ushort[] { Cia402Controlword.Shutdown, Cia402Controlword.SwitchOn, Cia402Controlword.EnableOperation })
        {
            BinaryPrimitives.WriteUInt16LittleEndian(writer.Outputs[cw..], controlword);
            group.Exchange();
        }
        group.Exchange();
        Assert.Equal(Cia402State.OperationEnabled, Cia402Statusword.DecodeState(BinaryPrimitives.ReadUInt16LittleEndian(group.Image[sw..])));

        BinaryPrimitives.WriteInt32LittleEndian(writer.Outputs[target..], Scaling.PositionToIncrements(0.1));
        group.Exchange();
        Assert.True(drive.AppliedTorqueNm > 1.0);
        Assert.Equal(drive.AppliedTorqueNm, plant.GetActuatorTorqueNm(0));
    }

    [Fact]
    public void AfterFrame_ThousandsOfCyclicFrames_AllocatesNothing()
    {
        var (bench, drive, _, group) = Bench();
        using var owned = bench;
        group.Start();
        var layout = group.Layout!;
        var frame = new byte[1514];
        var writer = new EtherCatFrameWriter(frame, MacAddress.Broadcast, new MacAddress(2));
        writer.TryAppend(EtherCatCommand.Lrw, 1, layout.LogicalStart, layout.ImageBytes, out _);
        writer.TryAppend(EtherCatCommand.Brd, 2, EtherCatAddress.Physical(0, EscRegister.AlStatus), 2, out _);
        int length = writer.Finish();
        var segment = new SimulatedSegment([drive.Slave]); // the test thread drives the slave; the bench's thread stays idle
        segment.Process(frame.AsSpan(0, length));

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 10_000; i++)
            segment.Process(frame.AsSpan(0, length));
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.True(drive.ProcessDataFrames > 10_000);
    }
}
