using Controller.Hardware.Devices.EtherCat;
using Controller.Hardware.Protocols.EtherCat;
using Controller.Hardware.Protocols.EtherCat.Esc;

namespace Controller.Hardware.Tests.Simulation.EtherCat;

public class ProcessDataCycleTests
{
    private static ProcessDataCycle Cycle(SimulatedBench bench) =>
        new(bench.MasterTransport, new MacAddress(0x10_10_10_10_10_10), imageBytes: 1, logicalStart: 0,
            expectedImageCounter: EtherCatCommandInfo.ExpectedLogicalReadWriteCounter(outputSlaves: 2, inputSlaves: 0),
            referenceClock: 0x1000, clockSlaves: 3, timeoutNs: 200_000_000);

    [Fact]
    public void Exchange_ThousandCyclesToTwoEl2004_OutputsArriveAndNothingIsAllocated()
    {
        using var bench = SimulatedBench.CouplerWithTwoEl2004();
        bench.BringEl2004OutputsToOp();
        var cycle = Cycle(bench);
        cycle.Image[0] = 0x00;
        Assert.Equal(CycleStatus.Ok, cycle.Exchange());

        long before = GC.GetAllocatedBytesForCurrentThread();
        int ok = 0;
        for (int i = 0; i < 1000; i++)
        {
            cycle.Image[0] = (byte)i;
            if (cycle.Exchange() == CycleStatus.Ok)
                ok++;
        }
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Assert.Equal(1000, ok);
        Assert.Equal(999 & 0x0F, bench.Segment.Slaves[1].GetMutableMemory()[0x0F00]);
        Assert.Equal(999 >> 4 & 0x0F, bench.Segment.Slaves[2].GetMutableMemory()[0x0F00]);
    }

    [Fact]
    public void Exchange_LostFrameThenUnpluggedSlave_CountsFaultsAndRecoversWithoutRestart()
    {
        using var bench = SimulatedBench.CouplerWithTwoEl2004();
        bench.BringEl2004OutputsToOp();
        var cycle = Cycle(bench);
        Assert.Equal(CycleStatus.Ok, cycle.Exchange());

        bench.Segment.DropNextFrames(1);
        Assert.Equal(CycleStatus.Lost, cycle.Exchange());
        Assert.Equal(CycleStatus.Ok, cycle.Exchange());

        bench.Segment.Slaves[2].Present = false;
        Assert.Equal(CycleStatus.WorkingCounterMismatch, cycle.Exchange());
        Assert.Equal(EtherCatCommand.Lrw, cycle.LastWorkingCounterError.Command);
        Assert.Equal((4, 2), (cycle.LastWorkingCounterError.Expected, cycle.LastWorkingCounterError.Received));

        bench.Segment.Slaves[2].Present = true;
        Assert.Equal(CycleStatus.Ok, cycle.Exchange());
        Assert.Equal((1L, 1L, 5L), (cycle.LostFrames, cycle.WorkingCounterErrors, cycle.Cycles));
    }

    [Fact]
    public void Exchange_SlaveFallsToSafeOp_StillExchangesAndMasterReadsTheCode()
    {
        using var bench = SimulatedBench.CouplerWithTwoEl2004();
        bench.BringEl2004OutputsToOp();
        var cycle = Cycle(bench);
        bench.Segment.Slaves[1].Fail(AlState.SafeOp, AlStatusCode.SyncManagerWatchdog);
        Assert.Equal(CycleStatus.Ok, cycle.Exchange()); // the ESC still maps data; the AL state says outputs are not applied
        var (status, code) = AlStateControl.Read(bench.Port, 0x1001);
        Assert.Equal((AlState.SafeOp, true, (ushort)AlStatusCode.SyncManagerWatchdog), (status.State, status.HasError, code));
    }

    [Fact]
    public void Constructor_ImageLargerThanFrame_ThrowsNamingRange()
    {
        using var bench = SimulatedBench.CouplerWithTwoEl2004();
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() =>
            new ProcessDataCycle(bench.MasterTransport, new MacAddress(2), 5000, 0, 1));
        Assert.Contains("imageBytes", ex.Message);
        Assert.Contains("1..", ex.Message);
    }

    [Fact]
    public void Process_CyclicFrameThroughSimulatedSegment_AllocatesNothing()
    {
        // The twin's side of the cycle must not allocate either, so a benchmark measures the master, not the simulation.
        using var bench = SimulatedBench.CouplerWithTwoEl2004();
        bench.BringEl2004OutputsToOp();
        var frame = new byte[1514];
        var writer = new EtherCatFrameWriter(frame, MacAddress.Broadcast, new MacAddress(2));
        writer.TryAppend(EtherCatCommand.Frmw, 1, EtherCatAddress.Physical(0x1000, EscRegister.DcSystemTime), 8, out _);
        writer.TryAppend(EtherCatCommand.Lrw, 2, 0, 1, out _);
        int length = writer.Finish();
        var segment = new Controller.Hardware.Simulation.EtherCat.SimulatedSegment(bench.Segment.Slaves);
        segment.Process(frame.AsSpan(0, length));

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 10_000; i++)
            segment.Process(frame.AsSpan(0, length));
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
