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
    public void Run_ExistingConfig_SaysWhatIsNotBuiltAndExitsUnavailable()
    {
        string path = Path.GetTempFileName();
        try
        {
            var (code, output, _) = CliRunner.Run("run", path, "--task", "pick the red cube", "--no-ui");

            Assert.Equal(RunCommand.NotAvailableExitCode, code);
            Assert.Contains("Not built yet", output);
            Assert.Contains("#9", output);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Run_NoArgument_IsAParseError()
    {
        var (code, _, error) = CliRunner.Run("run");

        Assert.NotEqual(0, code);
        Assert.Contains("robot.yaml", error);
    }
}
