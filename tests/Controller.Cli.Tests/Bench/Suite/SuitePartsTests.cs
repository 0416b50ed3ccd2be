using Controller.Cli.Bench;
using Controller.Cli.Bench.Suite;
using Controller.Runtime.Configuration;

namespace Controller.Cli.Tests.Bench.Suite;

public class SuitePartsTests
{
    [Theory]
    [InlineData(90.0, 1.0)]
    [InlineData(99.0, 2.0)]
    [InlineData(99.9, 3.0)]
    public void NinesOf_Percentile_IsItsNumberOfNines(double percentile, double expected)
    {
        Assert.Equal(expected, LatencyPlots.NinesOf(percentile), 9);
    }

    [Fact]
    public void NinesOf_Maximum_IsNotOnTheAxis()
    {
        Assert.True(double.IsNaN(LatencyPlots.NinesOf(100)));
    }

    [Fact]
    public void SampleDistribution_OneToThousandNs_GivesPercentilesInMicroseconds()
    {
        var samples = new LatencySamples(1000);
        for (int i = 1000; i >= 1; i--) samples.Add(i);

        var points = SampleDistribution.Of(samples, 1000);

        Assert.Equal([50.0, 90, 99, 99.9, 100], points.Select(p => p.Percentile));
        Assert.Equal(0.5, SampleDistribution.At(points, 50));
        Assert.Equal(1.0, SampleDistribution.At(points, 100));
        Assert.Empty(SampleDistribution.Of(new LatencySamples(4), 1000));
    }

    [Fact]
    public void Catalog_SimArm6_HasEverySuiteAndSelectsByFamily()
    {
        RobotConfig robot = RobotConfigLoader.Load(Path.Combine(SuiteReports.RepositoryRoot(), "hardware", "sim-arm6", "robot.yaml"));
        var all = BenchSuiteCatalog.All(robot);

        Assert.Equal(["pipeline", "loop", "bus.arm", "serial.dynamixel", "serial.feetech", "can", "ethercat", "sensor.wrist", "brain", "brain.host", "end_to_end"], all.Select(s => s.Name));
        Assert.Equal(["bus.arm", "brain", "brain.host"], BenchSuiteCatalog.Select(all, ["brain", "bus"]).Select(s => s.Name));
        var e = Assert.Throws<ArgumentException>(() => BenchSuiteCatalog.Select(all, ["bu"]));
        Assert.Contains("no suite named bu", e.Message);
        Assert.Contains("bus.arm", e.Message);
    }
}
