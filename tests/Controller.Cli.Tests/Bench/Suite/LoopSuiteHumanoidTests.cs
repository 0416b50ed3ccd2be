using Controller.Cli.Bench.Suite;

namespace Controller.Cli.Tests.Bench.Suite;

/// <summary>
/// <c>bench all --suites loop</c> on the shipped G1: beside the idle loop, the humanoid body over the G1's own drivers
/// and twins, its control step, bus I/O and faults as <c>humanoid_*</c> figures. Timing is not asserted.
/// </summary>
public class LoopSuiteHumanoidTests
{
    [Fact]
    public void BenchAll_LoopSuiteOnTheG1_ReportsTheHumanoidBodysControlStepAndBusIo()
    {
        string dir = Directory.CreateTempSubdirectory("bench-all-g1-").FullName;
        try
        {
            string json = Path.Combine(dir, "run.json");
            string robot = Path.Combine(SuiteReports.RepositoryRoot(), "hardware", "g1-29dof", "robot.yaml");
            var (code, output, error) = CliRunner.Run("bench", "all", "--robot", robot, "--seconds", "0.2", "--suites", "loop", "--json", json);

            Assert.True(code == 0, $"exit {code}\n{output}\n{error}");
            var report = BenchAllReport.Parse(File.ReadAllText(json), json);
            var loop = Assert.Single(report.Suites);
            Assert.Equal(SuiteStatus.Ok, loop.Status);
            Assert.True(report.Find("loop", "humanoid_control_step_p99_us")!.Value > 0);
            Assert.True(report.Find("loop", "humanoid_bus_io_p99_us")!.Value > 0);
            Assert.Equal(0, report.Find("loop", "humanoid_allocated_bytes_per_cycle")!.Value);
            Assert.NotNull(report.Find("loop", "humanoid_bus_faults"));
            Assert.NotNull(report.Find("loop", "lateness_p99_us"));
            Assert.Contains(loop.Notes, n => n.StartsWith("humanoid:", StringComparison.Ordinal) && n.Contains("43 joints"));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
