using Controller.Cli.Bench.Suite;

namespace Controller.Cli.Tests.Bench.Suite;

public class GateOutcomeTests
{
    private static GateOutcome Gate(BenchAllReport current, BenchAllReport? baseline, double threshold = 1.2) =>
        GateOutcome.From(current, BaselineComparison.Compare(current, baseline, threshold));

    [Fact]
    public void From_GatedLatencyRegressed_ExitsWithRegressionCode()
    {
        var gate = Gate(SuiteReports.Single("bus.arm", BenchFigure.Latency("cycle_p99_us", 300)), SuiteReports.Single("bus.arm", BenchFigure.Latency("cycle_p99_us", 200)));

        Assert.Equal(1, gate.Regressions);
        Assert.Equal(GateOutcome.RegressionExitCode, gate.ExitCode);
        Assert.False(gate.Passed);
    }

    [Fact]
    public void From_SameRegressionUnderLooserThreshold_Passes()
    {
        var gate = Gate(SuiteReports.Single("bus.arm", BenchFigure.Latency("cycle_p99_us", 300)), SuiteReports.Single("bus.arm", BenchFigure.Latency("cycle_p99_us", 200)), 2.0);

        Assert.Equal(GateOutcome.PassExitCode, gate.ExitCode);
    }

    [Fact]
    public void From_AllocationAboveZeroWithoutBaseline_ExitsWithRegressionCode()
    {
        var gate = Gate(SuiteReports.Single("brain", BenchFigure.Allocation("policy_allocated_bytes_per_inference", 0.5)), null);

        Assert.Equal(1, gate.NonZeroAllocations);
        Assert.Equal(GateOutcome.RegressionExitCode, gate.ExitCode);
    }

    [Fact]
    public void From_FailedSuiteOnly_ExitsWithSuiteFailedCode()
    {
        var report = SuiteReports.With(new BenchSuiteResult { Name = "bus.arm", Status = SuiteStatus.Failed, Notes = ["IOException: no such port"] });

        Assert.Equal(GateOutcome.SuiteFailedExitCode, Gate(report, null).ExitCode);
    }

    [Fact]
    public void From_SkippedSuiteAndImprovement_Passes()
    {
        var current = SuiteReports.With(
            BenchSuiteResult.Skip("brain", "no models"),
            new BenchSuiteResult { Name = "loop", Figures = [BenchFigure.Latency("lateness_p99_us", 10), BenchFigure.Allocation("a", 0)] });
        var baseline = SuiteReports.Single("loop", BenchFigure.Latency("lateness_p99_us", 50));

        var gate = Gate(current, baseline);

        Assert.True(gate.Passed);
        Assert.Equal(0, gate.ExitCode);
    }
}
