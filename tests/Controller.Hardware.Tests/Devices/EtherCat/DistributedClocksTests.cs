using Controller.Hardware.Devices.EtherCat;
using Controller.Hardware.Protocols.EtherCat.Esc;
using Controller.Hardware.Simulation.EtherCat;
using Controller.Hardware.Tests.Simulation.EtherCat;

namespace Controller.Hardware.Tests.Devices.EtherCat;

/// <summary>
/// DC start-up against simulated slaves whose clocks start at different times and run at different rates. True time
/// is a stepped clock (20 µs per frame, plus pauses the test inserts), so the figures are deterministic.
/// </summary>
public class DistributedClocksTests
{
    private const long HopNs = 700;
    private const long FrameStepNs = 20_000;

    private sealed class SteppedTime
    {
        private long _now = 1_000_000_000;
        public long Next() => Interlocked.Add(ref _now, FrameStepNs);
        public long Now => Interlocked.Read(ref _now);
        public void Pause(long ns) => Interlocked.Add(ref _now, ns);
    }

    private static (SimulatedBench Bench, SteppedTime Time) Line(params double[] driftsPpm)
    {
        var slaves = new List<SimulatedSlave> { new(SimulatedBench.Dump("ek1100-eeprom-dump.bin")) };
        for (int i = 1; i < driftsPpm.Length; i++)
            slaves.Add(new SimulatedSlave(SimulatedBench.Dump("el2004-eeprom-dump.bin")));
        for (int i = 0; i < slaves.Count; i++)
        {
            slaves[i].Dc.DriftPpm = driftsPpm[i];
            slaves[i].Dc.LocalStartNs = 1_000_000_000L * (7 * i + 3) + 12_345 * i; // powered up at different times
        }
        var bench = new SimulatedBench([.. slaves]);
        var time = new SteppedTime();
        bench.Segment.TimeNs = time.Next;
        bench.Segment.HopDelayNs = HopNs;
        return (bench, time);
    }

    [Fact]
    public void Initialise_LineOfFourWithoutDrift_DelaysAreTheHopsAndSystemTimesAgreeWithin2Ns()
    {
        var (bench, time) = Line(0, 0, 0, 0);
        using var _ = bench;
        var slaves = EtherCatDiscovery.Discover(bench.Port);

        var topology = DistributedClocks.Initialise(bench.Port, slaves, systemTimeNs: 800_000_000_000_000_000);

        Assert.Equal(0x1000, topology.ReferenceStation);
        Assert.Equal([0L, HopNs, 2 * HopNs, 3 * HopNs], topology.Slaves.Select(s => s.PropagationDelayNs!.Value));
        Assert.Equal([1, 1, 1, null], topology.Slaves.Select(s => s.DownstreamPort));
        long reference = bench.Segment.Slaves[0].Dc.SystemTimeNs(time.Now);
        foreach (var slave in bench.Segment.Slaves)
            Assert.InRange(slave.Dc.SystemTimeNs(time.Now) - reference, -2, 2);
        Assert.InRange(reference - 800_000_000_000_000_000, 0, 10_000_000); // the reference starts from the given system time
    }

    [Fact]
    public void Initialise_DriftingClocks_AgreeWithinDriftTimesElapsedPlus2Ns()
    {
        double[] drifts = [10, 60, -40, 90];
        var (bench, time) = Line(drifts);
        using var _ = bench;
        var slaves = EtherCatDiscovery.Discover(bench.Port);
        long before = time.Now;

        DistributedClocks.Initialise(bench.Port, slaves);

        double elapsedNs = time.Now - before; // from (at the latest) the latch frame to now
        long reference = bench.Segment.Slaves[0].Dc.SystemTimeNs(time.Now);
        for (int i = 1; i < drifts.Length; i++)
        {
            double bound = Math.Abs(drifts[i] - drifts[0]) * 1e-6 * elapsedNs + 2;
            Assert.InRange(bench.Segment.Slaves[i].Dc.SystemTimeNs(time.Now) - reference, -bound, bound);
        }
    }

    [Fact]
    public void CompensateStaticDrift_DriftingClocks_ShrinksTheDifferenceAfterAPauseTenfold()
    {
        double[] drifts = [10, 60, -40, 90];
        var (bench, time) = Line(drifts);
        using var _ = bench;
        var topology = DistributedClocks.Initialise(bench.Port, EtherCatDiscovery.Discover(bench.Port));
        long[] DifferencesAfterPause()
        {
            DistributedClocks.CompensateStaticDrift(bench.Port, topology, 1);
            time.Pause(10_000_000); // 10 ms without a compare: only the oscillators' rates matter
            DistributedClocks.CompensateStaticDrift(bench.Port, topology, 1);
            return topology.Slaves.Skip(1).Select(s => Math.Abs(DistributedClocks.ReadSystemTimeDifferenceNs(bench.Port, s.StationAddress))).ToArray();
        }

        long[] uncompensated = DifferencesAfterPause();
        int complete = DistributedClocks.CompensateStaticDrift(bench.Port, topology, 1500);
        long[] compensated = DifferencesAfterPause();

        Assert.Equal(1500, complete);
        for (int i = 0; i < uncompensated.Length; i++)
        {
            Assert.True(uncompensated[i] > 300, $"slave {i + 1}: {uncompensated[i]} ns before compensation");
            Assert.True(compensated[i] * 10 < uncompensated[i], $"slave {i + 1}: {uncompensated[i]} ns -> {compensated[i]} ns");
            double trimmedPpm = drifts[i + 1] + bench.Segment.Slaves[i + 1].Dc.CorrectionPpm;
            Assert.InRange(trimmedPpm, drifts[0] - 2, drifts[0] + 2); // each oscillator now runs at the reference's rate
        }
    }

    [Fact]
    public void ConfigureSync0_OneMillisecond_NextPulseReadsOnTheGridAfterTheStart()
    {
        var (bench, _) = Line(0, 0);
        using var __ = bench;
        var topology = DistributedClocks.Initialise(bench.Port, EtherCatDiscovery.Discover(bench.Port));
        long now = DistributedClocks.ReadSystemTimeNs(bench.Port, topology.ReferenceStation);
        long start = DistributedClocks.Sync0StartTimeNs(now, 1_000_000, startDelayNs: 100_000, shiftNs: 0);

        DistributedClocks.ConfigureSync0(bench.Port, 0x1001, 1_000_000, start);

        var dc = bench.Segment.Slaves[1].Dc;
        Assert.True(dc.Sync0Active);
        Assert.Equal(0, start % 1_000_000);
        Assert.Equal(start, dc.Sync0StartNs);
        Assert.Equal(0x01, bench.Segment.Slaves[1].GetMutableMemory()[EscRegister.DcActivationStatus]);
        Assert.Equal(start + 3_000_000, dc.NextSync0PulseNs(start + 2_500_000));
    }

    [Fact]
    public void Initialise_NoSlaveWithDc_ThrowsNamingFeatureBit()
    {
        using var bench = new SimulatedBench(new SimulatedSlave(SimulatedBench.Dump("el2004-eeprom-dump.bin"), capabilities: new EscCapabilities(3, 4, false)));
        var slaves = EtherCatDiscovery.Discover(bench.Port);
        var ex = Assert.Throws<EtherCatException>(() => DistributedClocks.Initialise(bench.Port, slaves));
        Assert.Contains("feature bit 2", ex.Message);
    }
}
