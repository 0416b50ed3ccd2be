using System.Text.Json.Nodes;
using Controller.Cli.Bench.Suite;

namespace Controller.Cli.Tests.Bench.Suite;

/// <summary>
/// <c>bench all</c> end to end on the shipped sim-arm6 with tiny durations: every suite but the pipeline (its own
/// command is tested elsewhere and takes ten seconds), then the same JSON as a doctored baseline to see the gate fail.
/// </summary>
public class BenchAllCommandTests
{
    private static string Robot => Path.Combine(SuiteReports.RepositoryRoot(), "hardware", "sim-arm6", "robot.yaml");

    [Fact]
    public void BenchAll_ShortRunThenDoctoredBaseline_WritesReportsAndGatesTheRegression()
    {
        string dir = Directory.CreateTempSubdirectory("bench-all-").FullName;
        try
        {
            string json = Path.Combine(dir, "run.json"), md = Path.Combine(dir, "run.md");
            var (code, output, error) = CliRunner.Run("bench", "all", "--robot", Robot, "--seconds", "0.2", "--suites", "loop,bus,sensor,brain,end_to_end",
                "--json", json, "--md", md);

            Assert.True(code == 0, $"exit {code}\n{output}\n{error}");
            var report = BenchAllReport.Parse(File.ReadAllText(json), json);
            Assert.Equal(["loop", "bus.arm", "sensor.wrist", "brain", "brain.host", "end_to_end"], report.Suites.Select(s => s.Name));
            Assert.All(report.Suites, s => Assert.Equal(SuiteStatus.Ok, s.Status));
            Assert.True(report.Find("bus.arm", "cycle_p50_us")!.Value > 0);
            Assert.Equal(0, report.Find("bus.arm", "allocated_bytes_per_cycle")!.Value);
            Assert.Equal(0, report.Find("brain", "policy_allocated_bytes_per_inference")!.Value);
            Assert.Equal(0, report.Find("sensor.wrist", "allocated_bytes_per_read")!.Value);
            Assert.True(report.Find("sensor.wrist", "samples_per_s")!.Value > 0);
            Assert.True(report.Find("end_to_end", "lateness_p99_us")!.Value > 0);
            Assert.Equal(64, report.Environment.ConfigSha256!.Length);
            Assert.Contains("| cycle_p99_us |", File.ReadAllText(md));
            Assert.True(File.Exists(Path.Combine(dir, "run-bus-arm.png")));

            // A baseline whose policy latency was a thousandth of this run's: a 1000× regression of a gated figure.
            var doctored = JsonNode.Parse(File.ReadAllText(json))!;
            foreach (var figure in doctored["suites"]!.AsArray().Single(s => (string)s!["name"]! == "brain")!["figures"]!.AsArray())
                if ((string)figure!["name"]! == "policy_p50_us") figure["value"] = (double)figure["value"]! / 1000;
            string baseline = Path.Combine(dir, "baseline.json");
            File.WriteAllText(baseline, doctored.ToJsonString());

            var (gated, gatedOutput, gatedError) = CliRunner.Run("bench", "all", "--robot", Robot, "--seconds", "0.2", "--suites", "brain",
                "--baseline", baseline, "--md", md);

            Assert.True(gated == GateOutcome.RegressionExitCode, $"exit {gated}\n{gatedOutput}\n{gatedError}");
            Assert.Contains("brain/policy_p50_us", gatedError);
            Assert.Contains("**regressed**", File.ReadAllText(md));
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    [Theory]
    [InlineData("--suites", "nonesuch", "no suite named nonesuch")]
    [InlineData("--baseline", "/nonexistent/baseline.json", "baseline.json")]
    public void BenchAll_BadSuiteOrBaseline_ExitsTwoNamingIt(string option, string value, string named)
    {
        var (code, _, error) = CliRunner.Run("bench", "all", "--robot", Robot, option, value);

        Assert.Equal(BenchAllCommand.UsageExitCode, code);
        Assert.Contains(named, error);
    }

    [Theory]
    [InlineData("--max-regression", "1")]
    [InlineData("--seconds", "0")]
    public void BenchAll_OptionOutOfRange_IsRejectedNamingIt(string option, string value)
    {
        var (code, _, error) = CliRunner.Run("bench", "all", "--robot", Robot, option, value);

        Assert.NotEqual(0, code);
        Assert.Contains(option, error);
    }
}
