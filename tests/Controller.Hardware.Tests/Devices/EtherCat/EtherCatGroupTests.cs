using System.Buffers.Binary;
using Controller.Hardware.Devices.EtherCat;
using Controller.Hardware.Protocols.EtherCat.Esc;
using Controller.Hardware.Protocols.EtherCat.Sii;
using Controller.Hardware.Tests.Simulation.EtherCat;

namespace Controller.Hardware.Tests.Devices.EtherCat;

public class EtherCatGroupTests
{
    private static (SimulatedBench Bench, EtherCatGroup Group) CouplerWithTwoEl2004(EtherCatFaultReaction reaction = EtherCatFaultReaction.Disable)
    {
        var bench = SimulatedBench.CouplerWithTwoEl2004();
        var slaves = EtherCatDiscovery.Discover(bench.Port);
        return (bench, new EtherCatGroup(bench.Port, bench.MasterTransport, slaves, new EtherCatGroupOptions { CycleTimeoutNs = 200_000_000, FaultReaction = reaction }));
    }

    [Fact]
    public void Start_CouplerAndTwoEl2004_RegistersInTheSlavesAreWhatSoemListsAndOutputsArrive()
    {
        var (bench, group) = CouplerWithTwoEl2004();
        using var _ = bench;
        var writer = group.Start();

        var el2004 = SiiParser.Parse(SimulatedBench.Dump("el2004-eeprom-dump.bin"));
        for (int i = 1; i <= 2; i++)
        {
            var memory = bench.Segment.Slaves[i].GetMutableMemory();
            var expected = ProcessImageLayoutTests.AsSoemPrints(group.Layout!.Slaves[i], el2004);
            var sm = memory.Slice(EscRegister.SyncManager(0), 8);
            var fmmu = memory.Slice(EscRegister.Fmmu(0), 16);
            Assert.Equal(expected.Sm[0], $"SM0 A:{BinaryPrimitives.ReadUInt16LittleEndian(sm):x4} L:{BinaryPrimitives.ReadUInt16LittleEndian(sm[2..]),4} F:000900{sm[4]:x2} Type:3");
            Assert.Equal(expected.Fmmu[0], $"FMMU0 Ls:{BinaryPrimitives.ReadUInt32LittleEndian(fmmu):x8} Ll:{BinaryPrimitives.ReadUInt16LittleEndian(fmmu[4..]),4} Lsb:{fmmu[6]} Leb:{fmmu[7]} " +
                $"Ps:{BinaryPrimitives.ReadUInt16LittleEndian(fmmu[8..]):x4} Psb:{fmmu[10]} Ty:{fmmu[11]:x2} Act:{fmmu[12]:x2}");
            Assert.Equal(AlState.Op, bench.Segment.Slaves[i].Al.State);
        }
        Assert.Equal(EtherCatGroupState.Op, group.State);

        writer.Outputs[0] = 0x5A;
        Assert.Equal(GroupCycleStatus.Ok, group.Exchange());
        Assert.Equal(0x0A, bench.Segment.Slaves[1].GetMutableMemory()[0x0F00]);
        Assert.Equal(0x05, bench.Segment.Slaves[2].GetMutableMemory()[0x0F00]);
    }

    [Fact]
    public void Start_CouplerEl2828El2889FromRealDumps_SixteenPlusEightOutputsLandInTheirSmBuffers()
    {
        using var bench = new SimulatedBench(
            new Controller.Hardware.Simulation.EtherCat.SimulatedSlave(SimulatedBench.Dump("ek1100.hex")),
            new Controller.Hardware.Simulation.EtherCat.SimulatedSlave(SimulatedBench.Dump("el2828.hex")),
            new Controller.Hardware.Simulation.EtherCat.SimulatedSlave(SimulatedBench.Dump("el2889.hex")));
        var group = new EtherCatGroup(bench.Port, bench.MasterTransport, EtherCatDiscovery.Discover(bench.Port),
            new EtherCatGroupOptions { CycleTimeoutNs = 200_000_000 });
        var writer = group.Start();

        writer.Outputs[0] = 0x81;
        writer.Outputs[1] = 0x42;
        writer.Outputs[2] = 0x24;
        Assert.Equal(GroupCycleStatus.Ok, group.Exchange());
        Assert.Equal(0x81, bench.Segment.Slaves[1].GetMutableMemory()[0x0F00]);
        Assert.Equal([0x42, 0x24], bench.Segment.Slaves[2].GetMutableMemory().Slice(0x0F00, 2).ToArray());
        Assert.Equal(2, group.Layout!.Slaves[2].Fmmus.Count);
    }

    [Fact]
    public void Transitions_OutOfOrder_ThrowNamingTheStates()
    {
        var (bench, group) = CouplerWithTwoEl2004();
        using var _ = bench;
        Assert.Equal(GroupCycleStatus.NotRunning, group.Exchange());
        var ex = Assert.Throws<InvalidOperationException>(() => group.ToSafeOp());
        Assert.Contains("Init", ex.Message);
        Assert.Contains("PreOp", ex.Message);
        group.ToPreOp();
        Assert.Throws<InvalidOperationException>(() => group.ToOp());
        group.ToSafeOp();
        Assert.Equal(GroupCycleStatus.Ok, group.Exchange()); // inputs flow in SAFE-OP; no writer exists yet
        Assert.True(group.Image.Length > 0);
    }

    [Fact]
    public void Exchange_SlaveFallsToSafeOp_WriterDiesOutputsZeroedAndRecoverReturnsToOp()
    {
        var (bench, group) = CouplerWithTwoEl2004(EtherCatFaultReaction.Disable);
        using var _ = bench;
        var writer = group.Start();
        writer.Outputs[0] = 0xFF;
        Assert.Equal(GroupCycleStatus.Ok, group.Exchange());

        bench.Segment.Slaves[1].Fail(AlState.SafeOp, AlStatusCode.SyncManagerWatchdog);
        Assert.Equal(GroupCycleStatus.SlaveNotOperational, group.Exchange());
        Assert.Equal(EtherCatGroupState.Faulted, group.State);
        Assert.False(writer.IsValid);
        Assert.True(writer.Outputs.IsEmpty);
        Assert.Equal(GroupCycleStatus.SlaveNotOperational, group.Exchange());
        Assert.Equal(0x00, bench.Segment.Slaves[2].GetMutableMemory()[0x0F00]); // the slave still in OP got the zeros
        Assert.Equal(2, group.AlStateFaults);

        var again = group.Recover();
        Assert.Equal([((ushort)0x1001, AlState.SafeOp, (ushort)AlStatusCode.SyncManagerWatchdog)], group.LastRecoveredSlaves);
        Assert.Equal(EtherCatGroupState.Op, group.State);
        Assert.False(writer.IsValid);
        again.Outputs[0] = 0x33;
        Assert.Equal(GroupCycleStatus.Ok, group.Exchange());
        Assert.Equal(0x03, bench.Segment.Slaves[1].GetMutableMemory()[0x0F00]);
    }

    [Fact]
    public void Exchange_HoldReaction_KeepsLastOutputs()
    {
        var (bench, group) = CouplerWithTwoEl2004(EtherCatFaultReaction.Hold);
        using var _ = bench;
        var writer = group.Start();
        writer.Outputs[0] = 0x77;
        group.Exchange();
        bench.Segment.Slaves[2].Fail(AlState.SafeOp, AlStatusCode.SyncManagerWatchdog);
        Assert.Equal(GroupCycleStatus.SlaveNotOperational, group.Exchange());
        Assert.Equal(GroupCycleStatus.SlaveNotOperational, group.Exchange());
        Assert.Equal(0x07, bench.Segment.Slaves[1].GetMutableMemory()[0x0F00]);
    }

    [Fact]
    public void Exchange_LostFrameWrongCounterAndVanishedSlave_CountedWithoutLeavingOpThenRecovered()
    {
        var (bench, group) = CouplerWithTwoEl2004();
        using var _ = bench;
        var writer = group.Start();

        bench.Segment.DropNextFrames(1);
        Assert.Equal(GroupCycleStatus.Lost, group.Exchange());
        bench.Segment.Slaves[1].ProcessDataDisabled = true;
        Assert.Equal(GroupCycleStatus.WorkingCounterMismatch, group.Exchange());
        Assert.Equal((4, 2), (group.LastWorkingCounterError.Expected, group.LastWorkingCounterError.Received));
        bench.Segment.Slaves[1].ProcessDataDisabled = false;
        bench.Segment.Slaves[2].Present = false;
        Assert.Equal(GroupCycleStatus.WorkingCounterMismatch, group.Exchange());
        Assert.True(writer.IsValid);
        bench.Segment.Slaves[2].Present = true;
        Assert.Equal(GroupCycleStatus.Ok, group.Exchange());
        Assert.Equal((1L, 2L), (group.LostFrames, group.WorkingCounterErrors));
    }

    [Fact]
    public void Recover_SlaveResetToInitWhileAway_ConfiguresItAgainWithoutRestart()
    {
        var (bench, group) = CouplerWithTwoEl2004();
        using var _ = bench;
        group.Start();
        var el2004 = bench.Segment.Slaves[2];
        el2004.Present = false;
        Assert.Equal(GroupCycleStatus.WorkingCounterMismatch, group.Exchange());
        Assert.Throws<EtherCatException>(() => group.Recover()); // still away: refused, call again later
        el2004.Present = true;
        el2004.Fail(AlState.Init, AlStatusCode.UnspecifiedError);
        el2004.GetMutableMemory().Slice(EscRegister.Fmmu0, 0x300).Clear(); // FMMUs and SMs lost, as after a power cycle
        Assert.Equal(GroupCycleStatus.WorkingCounterMismatch, group.Exchange()); // back, but not exchanging

        var writer = group.Recover();
        writer.Outputs[0] = 0x90;
        Assert.Equal(GroupCycleStatus.Ok, group.Exchange());
        Assert.Equal(0x09, el2004.GetMutableMemory()[0x0F00]);
        Assert.Equal(AlState.Init, group.LastRecoveredSlaves.Single().State);
    }
}
