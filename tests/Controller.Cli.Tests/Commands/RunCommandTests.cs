using Controller.Cli.Commands;

namespace Controller.Cli.Tests.Commands;

public class RunCommandTests
{
    [Fact]
    public void Run_MissingConfig_ExitsWithUsageErrorNamingThePath()
    {
        string path = Path.Combine(Path.GetTempPath(), $"no-such-robot-{Guid.NewGuid():N}.yaml");

        var (code, _, error) = CliRunner.Run("run", path);

        Assert.Equal(RunCommand.UsageExitCode, code);
        Assert.Contains(path, error);
        Assert.Contains("does not exist", error);
    }

    [Fact]
    public void Run_SimArm6ForTwoSeconds_BringsItUpReportsAndStopsCleanly()
    {
        var (code, output, error) = CliRunner.Run("run", Hardware("sim-arm6/robot.yaml"), "--duration", "2", "--no-ui");

        Assert.True(code == 0, error);
        Assert.Contains("sim-arm6 up (simulated", output);
        Assert.Contains("brain: planner + policy loaded", output);
        Assert.Contains("stopping (hold, disable drives, close)", output);
        Assert.Matches(@"ran \d+\.\d s: \d+ cycles", output);
    }

    [Fact]
    public void Run_InvalidConfig_Exit2ListingEveryProblem()
    {
        string path = Path.Combine(Path.GetDirectoryName(Hardware("sim-arm6/robot.yaml"))!, $"broken-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, File.ReadAllText(Hardware("sim-arm6/robot.yaml")).Replace("baud: 4000000", "baud: 12").Replace("rate_hz: 1000        #", "rate_hz: 5        #"));
        try
        {
            var (code, _, error) = CliRunner.Run("run", path, "--no-ui");

            Assert.Equal(RunCommand.UsageExitCode, code);
            Assert.Contains("2 problems", error);
            Assert.Contains("buses[0].baud", error);
            Assert.Contains("loop.rate_hz", error);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static string Hardware(string relative)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !Directory.Exists(Path.Combine(dir.FullName, "hardware", "sim-arm6")))
        {
            dir = dir.Parent;
        }

        return Path.Combine(dir!.FullName, "hardware", relative);
    }

    [Fact]
    public void Run_NoArgument_IsAParseError()
    {
        var (code, _, error) = CliRunner.Run("run");

        Assert.NotEqual(0, code);
        Assert.Contains("robot.yaml", error);
    }
}
