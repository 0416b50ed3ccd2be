using Controller.Hardware.Devices.EtherCat;
using Controller.Hardware.Tests.Simulation.EtherCat;

namespace Controller.Hardware.Tests.Devices.EtherCat;

/// <summary>The group with distributed clocks on, over slaves without CoE (EK1100 + 2 × EL2004, real SII images, host time).</summary>
public class EtherCatGroupDcTests
{
    private static EtherCatGroupOptions Options(EtherCatDcOptions dc) => new() { CycleTimeoutNs = 200_000_000, DistributedClocks = dc };

    [Fact]
    public void Start_DcOn_EveryDcSlaveRunsSync0AndTheCyclicFrameReadsTheReferenceClock()
    {
        using var bench = SimulatedBench.CouplerWithTwoEl2004();
        var slaves = EtherCatDiscovery.Discover(bench.Port);
        var group = new EtherCatGroup(bench.Port, bench.MasterTransport, slaves,
            Options(new EtherCatDcOptions { CycleTimeNs = 500_000, Sync0ShiftNs = 50_000, DriftCompensationFrames = 100 }));

        group.Start();
        long compares = bench.Segment.Slaves[2].Dc.Compares;
        for (int i = 0; i < 100; i++)
            Assert.Equal(GroupCycleStatus.Ok, group.Exchange());

        Assert.Equal(3, group.DcTopology!.ClockCount);
        Assert.Equal(50_000, group.Sync0StartTimeNs % 500_000);
        Assert.All(bench.Segment.Slaves, s => Assert.Equal(group.Sync0StartTimeNs, s.Dc.Sync0StartNs));
        Assert.Equal(100, bench.Segment.Slaves[2].Dc.Compares - compares); // the FRMW rides in every cyclic frame
        Assert.Equal(bench.Segment.Slaves[0].Dc.LastFrameSystemTimeNs, group.ReferenceClockTimeNs);
    }

    [Fact]
    public void Start_DcOff_NoFrmwAndNoReferenceClockTime()
    {
        using var bench = SimulatedBench.CouplerWithTwoEl2004();
        var group = new EtherCatGroup(bench.Port, bench.MasterTransport, EtherCatDiscovery.Discover(bench.Port), new EtherCatGroupOptions { CycleTimeoutNs = 200_000_000 });

        group.Start();
        long compares = bench.Segment.Slaves[2].Dc.Compares;
        group.Exchange();

        Assert.Null(group.DcTopology);
        Assert.Equal(0, group.ReferenceClockTimeNs);
        Assert.Equal(compares, bench.Segment.Slaves[2].Dc.Compares);
        Assert.False(bench.Segment.Slaves[1].Dc.Sync0Active);
    }

    [Theory]
    [InlineData(500, 0, 100, "CycleTimeNs")]
    [InlineData(1_000_000, 1_000_000, 100, "Sync0ShiftNs")]
    [InlineData(1_000_000, 0, 0, "DriftCompensationFrames")]
    public void Constructor_DcValueOutOfRange_ThrowsNamingIt(long cycleNs, long shiftNs, int frames, string name)
    {
        using var bench = SimulatedBench.CouplerWithTwoEl2004();
        var slaves = EtherCatDiscovery.Discover(bench.Port);
        var dc = new EtherCatDcOptions { CycleTimeNs = cycleNs, Sync0ShiftNs = shiftNs, DriftCompensationFrames = frames };

        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new EtherCatGroup(bench.Port, bench.MasterTransport, slaves, Options(dc)));

        Assert.Equal(name, ex.ParamName);
    }

    [Fact]
    public void Constructor_SyncModeSlaveNotInTheGroup_ThrowsNamingIt()
    {
        using var bench = SimulatedBench.CouplerWithTwoEl2004();
        var slaves = EtherCatDiscovery.Discover(bench.Port);

        var ex = Assert.Throws<ArgumentException>(() => new EtherCatGroup(bench.Port, bench.MasterTransport, slaves,
            Options(new EtherCatDcOptions { SyncModeSlaves = [0x1234] })));

        Assert.Contains("0x1234", ex.Message);
    }
}
