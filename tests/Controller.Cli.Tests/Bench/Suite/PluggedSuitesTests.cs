using Controller.Cli.Bench.Suite;
using Controller.Runtime.Configuration;

namespace Controller.Cli.Tests.Bench.Suite;

/// <summary>
/// The suites that wrap the separate bench commands (serial, can, ethercat, bench brain) and the Feetech bus suite,
/// each run once with a tiny duration: they measure, report their figures under stable names, and the zero-allocation
/// paths stay at zero.
/// </summary>
public class PluggedSuitesTests
{
    private static RobotConfig Load(string robot) => RobotConfigLoader.Load(Path.Combine(SuiteReports.RepositoryRoot(), "hardware", robot, "robot.yaml"));

    private static BenchSuiteResult RunShort(IBenchSuite suite, string robot = "sim-arm6") =>
        suite.Run(new BenchSuiteContext(Load(robot), 0.2, TextWriter.Null), CancellationToken.None);

    private static void AssertMeasured(BenchSuiteResult result, params string[] figures)
    {
        Assert.True(result.Status == SuiteStatus.Ok, string.Join("; ", result.Notes));
        foreach (string name in figures)
            Assert.True(result.Figures.SingleOrDefault(f => f.Name == name)?.Value is not null, $"{result.Name}: figure {name} missing or not measured");
        Assert.All(result.Figures.Where(f => f.MustBeZero), f => Assert.Equal(0, f.Value));
    }

    [Fact]
    public void FeetechBusSuite_So101SimBus_MeasuresCyclesWithoutAllocating()
    {
        var so101 = Load("so101");
        var result = new FeetechBusSuite(so101.Buses.Single()).Run(new BenchSuiteContext(so101, 0.2, TextWriter.Null), CancellationToken.None);

        AssertMeasured(result, "cycle_p50_us", "cycle_p99_us", "faulted_cycles", "allocated_bytes_per_cycle");
        Assert.Equal("bus.arm", result.Name);
        Assert.Contains("Feetech chain twin", result.Target);
    }

    [Fact]
    public void Catalog_So101_PicksTheFeetechSuiteForItsFeetechBus()
    {
        var all = BenchSuiteCatalog.All(Load("so101"));

        Assert.IsType<FeetechBusSuite>(all.Single(s => s.Name == "bus.arm"));
    }

    [Theory]
    [InlineData("dynamixel")]
    [InlineData("feetech")]
    public void SerialSuite_ShortRun_ReportsCycleAndFloorRatio(string protocol)
    {
        var result = RunShort(new SerialSuite(protocol));

        AssertMeasured(result, "cycle_p50_us", "cycle_p99_us", "p50_vs_wire_floor", "allocated_bytes_per_cycle");
        Assert.Equal($"serial.{protocol}", result.Name);
        // Not >= 1: the sync write is sent without waiting for its wire time, so a cycle can end before the floor it counts.
        Assert.True(result.Figures.Single(f => f.Name == "p50_vs_wire_floor").Value > 0);
    }

    [Fact]
    public void SerialSuite_UnknownProtocol_ThrowsNamingIt()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new SerialSuite("modbus"));
        Assert.Contains("modbus", e.Message);
    }

    [Fact]
    public void CanSuite_ShortRun_ReportsCycleBusLoadAndZeroAllocations()
    {
        var result = RunShort(new CanSuite());

        AssertMeasured(result, "cycle_p50_us", "cycle_p99_us", "driver_p99_us", "bus_load_percent_at_1khz", "allocated_bytes_per_cycle");
    }

    [Fact]
    public void EtherCatSuite_ShortRun_ReportsRoundTripAndWorkingCounterErrors()
    {
        var result = RunShort(new EtherCatSuite());

        AssertMeasured(result, "rtt_p50_us", "rtt_p99_us", "wkc_errors", "lost_frames", "allocated_bytes_per_cycle");
        Assert.Contains(Environment.IsPrivilegedProcess ? "veth" : "in-process", result.Target);
    }

    [Fact]
    public void BrainHostSuite_SimArm6_ReportsOverheadAndLoopRatio()
    {
        var result = RunShort(new BrainHostSuite());

        AssertMeasured(result, "overhead_vs_bare", "host_inference_p50_us", "allocated_bytes_per_inference", "policy_hz");
    }

    [Fact]
    public void BrainHostSuite_RobotWithoutBrain_IsSkippedWithReason()
    {
        var result = RunShort(new BrainHostSuite(), "so101");

        Assert.Equal(SuiteStatus.Skipped, result.Status);
        Assert.Contains("brain.policy", result.Notes.Single());
    }
}
