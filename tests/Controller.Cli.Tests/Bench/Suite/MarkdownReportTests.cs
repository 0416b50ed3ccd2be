using Controller.Cli.Bench.Suite;

namespace Controller.Cli.Tests.Bench.Suite;

public class MarkdownReportTests
{
    [Fact]
    public void Render_WithBaseline_ShowsValueBaselineRatioVerdictAndEnvironmentDifferences()
    {
        var current = SuiteReports.Single("bus.arm", BenchFigure.Latency("cycle_p99_us", 300), BenchFigure.Allocation("allocated_bytes_per_cycle", 16));
        var baseline = SuiteReports.Single("bus.arm", BenchFigure.Latency("cycle_p99_us", 200)) with
        {
            Environment = current.Environment with { Kernel = "6.1.0-rt" },
        };
        var rows = BaselineComparison.Compare(current, baseline, 1.2);

        string md = MarkdownReport.Render(current, baseline, rows, GateOutcome.From(current, rows), 1.2, [("bus.arm", "out-bus-arm.png")]);

        Assert.Contains("**Gate: FAIL**", md);
        Assert.Contains("| cycle_p99_us | 300 | us | 200 | 1.50 | lower | yes | **regressed** |", md);
        Assert.Contains("| allocated_bytes_per_cycle | 16 | B/op | — | — | lower | = 0 | **not zero** |", md);
        Assert.Contains("| kernel | 6.1.0 **(differs)** | 6.1.0-rt |", md);
        Assert.Contains("![bus.arm latency distribution](out-bus-arm.png)", md);
    }

    [Fact]
    public void Render_WithoutBaseline_SaysSoAndPasses()
    {
        var current = SuiteReports.With(BenchSuiteResult.Skip("brain", "no models in the configuration"));
        var rows = BaselineComparison.Compare(current, null);

        string md = MarkdownReport.Render(current, null, rows, GateOutcome.From(current, rows), 1.2, []);

        Assert.Contains("**Gate: PASS**", md);
        Assert.Contains("No baseline", md);
        Assert.Contains("## brain: skipped", md);
        Assert.Contains("- no models in the configuration", md);
    }

    [Fact]
    public void RatioText_ZeroBaseline_IsInfinity()
    {
        Assert.Equal("∞", MarkdownReport.RatioText(double.PositiveInfinity));
        Assert.Equal("0.83", MarkdownReport.RatioText(0.8333));
    }
}
