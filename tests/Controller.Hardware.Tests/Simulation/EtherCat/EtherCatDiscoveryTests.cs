using Controller.Hardware.Devices.EtherCat;
using Controller.Hardware.Protocols.EtherCat;
using Controller.Hardware.Protocols.EtherCat.Esc;
using Controller.Hardware.Simulation.EtherCat;

namespace Controller.Hardware.Tests.Simulation.EtherCat;

public class EtherCatDiscoveryTests
{
    [Fact]
    public void Discover_Ek1100AndTwoEl2004_FindsThemInOrderWithRealSii()
    {
        using var bench = SimulatedBench.CouplerWithTwoEl2004();
        var slaves = EtherCatDiscovery.Discover(bench.Port);

        Assert.Equal(["EK1100", "EL2004", "EL2004"], slaves.Select(s => s.Sii.General!.OrderNumber));
        Assert.Equal([0x1000, 0x1001, 0x1002], slaves.Select(s => (int)s.StationAddress));
        Assert.All(slaves, s => Assert.Equal(2u, s.Sii.Header.Identity.VendorId));
        Assert.Equal(0x07D43052u, slaves[2].Sii.Header.Identity.ProductCode);
        Assert.All(slaves, s => Assert.Equal(AlState.Init, s.AlStatus.State));
        Assert.Equal([0x1000, 0x1001, 0x1002], bench.Segment.Slaves.Select(s => (int)s.StationAddress));
    }

    [Fact]
    public void ReadImage_RealEl2004_ReturnsTheDumpUpToItsEndCategory()
    {
        using var bench = SimulatedBench.CouplerWithTwoEl2004();
        EtherCatDiscovery.Discover(bench.Port);
        var image = SiiEepromReader.ReadImage(bench.Port, 0x1001);
        var dump = SimulatedBench.Dump("el2004-eeprom-dump.bin");
        Assert.True(image.Length >= 0x188);
        Assert.Equal(dump[..image.Length], image);
    }

    [Fact]
    public void RequestState_InitToOp_RefusedWithInvalidRequestedStateChange()
    {
        using var bench = SimulatedBench.CouplerWithTwoEl2004();
        EtherCatDiscovery.Discover(bench.Port);
        var ex = Assert.Throws<EtherCatException>(() => AlStateControl.RequestState(bench.Port, 0x1001, AlState.Op));
        Assert.Contains("0x0011 InvalidRequestedStateChange", ex.Message);
        Assert.Equal(0x1001, ex.StationAddress);
    }

    [Fact]
    public void RequestState_SafeOpWithoutOutputSyncManager_RefusedWithInvalidOutputConfiguration()
    {
        using var bench = SimulatedBench.CouplerWithTwoEl2004();
        EtherCatDiscovery.Discover(bench.Port);
        AlStateControl.RequestState(bench.Port, 0x1001, AlState.PreOp);
        var ex = Assert.Throws<EtherCatException>(() => AlStateControl.RequestState(bench.Port, 0x1001, AlState.SafeOp));
        Assert.Contains("0x001D InvalidOutputConfiguration", ex.Message);
        Assert.Contains("stays in PreOp", ex.Message);
    }

    [Fact]
    public void Lrw_TwoEl2004MappedLikeSoem_EachGetsItsNibbleAndWorkingCounterCounts()
    {
        using var bench = SimulatedBench.CouplerWithTwoEl2004();
        var slaves = EtherCatDiscovery.Discover(bench.Port);
        // SOEM's listing: SM0 A:0f00 L:1 F:00090044, FMMU0 Ls:0 Ll:1 Lsb:0/4 Leb:3/7 Ps:0f00 Ty:02 Act:01
        for (int i = 1; i <= 2; i++)
        {
            ushort station = slaves[i].StationAddress;
            var sm = slaves[i].Sii.SyncManagers[0];
            byte[] smRegisters = [0x00, 0x0F, 1, 0, sm.Control, 0, 0x01, 0];
            Assert.Equal(ExchangeStatus.Ok, bench.Port.Exchange(EtherCatCommand.Fpwr, EtherCatAddress.Physical(station, EscRegister.SyncManager(0)), smRegisters, 1));
            byte startBit = (byte)(4 * (i - 1));
            byte[] fmmu = [0, 0, 0, 0, 1, 0, startBit, (byte)(startBit + 3), 0x00, 0x0F, 0, 0x02, 0x01, 0, 0, 0];
            Assert.Equal(ExchangeStatus.Ok, bench.Port.Exchange(EtherCatCommand.Fpwr, EtherCatAddress.Physical(station, EscRegister.Fmmu(0)), fmmu, 1));
            AlStateControl.RequestState(bench.Port, station, AlState.PreOp);
            AlStateControl.RequestState(bench.Port, station, AlState.SafeOp);
            AlStateControl.RequestState(bench.Port, station, AlState.Op);
        }
        byte[] image = [0xA5];
        Assert.Equal(ExchangeStatus.Ok, bench.Port.Exchange(EtherCatCommand.Lrw, 0, image, 4)); // two output slaves, 2 each
        Assert.Equal(0x05, bench.Segment.Slaves[1].GetMutableMemory()[0x0F00]);
        Assert.Equal(0x0A, bench.Segment.Slaves[2].GetMutableMemory()[0x0F00]);
    }

    [Fact]
    public void Fail_SlaveDropsToSafeOpWithWatchdog_MasterSeesCodeAndRecoversWithAcknowledge()
    {
        using var bench = SimulatedBench.CouplerWithTwoEl2004();
        EtherCatDiscovery.Discover(bench.Port);
        AlStateControl.RequestState(bench.Port, 0x1000, AlState.PreOp);
        AlStateControl.RequestState(bench.Port, 0x1000, AlState.SafeOp);
        AlStateControl.RequestState(bench.Port, 0x1000, AlState.Op);

        bench.Segment.Slaves[0].Fail(AlState.SafeOp, AlStatusCode.SyncManagerWatchdog);
        var (status, code) = AlStateControl.Read(bench.Port, 0x1000);
        Assert.Equal((AlState.SafeOp, true), (status.State, status.HasError));
        Assert.Equal("0x001B SyncManagerWatchdog", AlStatusCodes.Describe(code));

        AlStateControl.RequestState(bench.Port, 0x1000, AlState.Op, acknowledgeError: true);
        Assert.Equal(AlState.Op, AlStateControl.Read(bench.Port, 0x1000).Status.State);
    }

    [Fact]
    public void Exchange_TwoFramesLost_RetriesAndSucceeds()
    {
        using var bench = SimulatedBench.CouplerWithTwoEl2004();
        bench.Segment.DropNextFrames(2);
        Assert.Equal(3, EtherCatDiscovery.CountSlaves(bench.Port));
        Assert.Equal(2, bench.Port.ResentFrames);
        Assert.Equal(2, bench.Segment.FramesDropped);
    }

    [Fact]
    public void CountSlaves_SlaveUnpluggedThenBack_CountFollows()
    {
        using var bench = SimulatedBench.CouplerWithTwoEl2004();
        bench.Segment.Slaves[2].Present = false;
        Assert.Equal(2, EtherCatDiscovery.CountSlaves(bench.Port));
        bench.Segment.Slaves[2].Present = true;
        Assert.Equal(3, EtherCatDiscovery.CountSlaves(bench.Port));
    }

    [Fact]
    public void Exchange_WrongStation_ReportsStructuredWorkingCounterError()
    {
        using var bench = SimulatedBench.CouplerWithTwoEl2004();
        EtherCatDiscovery.Discover(bench.Port);
        var data = new byte[2];
        Assert.Equal(ExchangeStatus.WorkingCounterMismatch, bench.Port.Exchange(EtherCatCommand.Fprd, EtherCatAddress.Physical(0x2000, EscRegister.AlStatus), data, 1));
        Assert.Equal(new WorkingCounterError(EtherCatCommand.Fprd, bench.Port.LastWorkingCounterError.Index, EtherCatAddress.Physical(0x2000, EscRegister.AlStatus), 1, 0),
            bench.Port.LastWorkingCounterError);
    }
}
