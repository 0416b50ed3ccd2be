namespace Controller.Cli.Tests.Commands;

public sealed class RunModelOptionTests
{
    private static string Repo(string relative)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !Directory.Exists(Path.Combine(dir.FullName, "hardware", "sim-arm6")))
        {
            dir = dir.Parent;
        }

        return Path.Combine(dir!.FullName, relative);
    }

    [Fact]
    public void Run_ModelThatDoesNotExist_IsAUsageError()
    {
        var (code, _, error) = CliRunner.Run("run", Repo("hardware/sim-arm6/robot.yaml"), "--model", "/nowhere/policy.yaml", "--duration", "1", "--no-ui");

        Assert.Equal(2, code);
        Assert.Contains("--model manifest '/nowhere/policy.yaml' does not exist", error);
    }

    [Fact]
    public void Run_ModelIsAPolicy_ReplacesTheConfiguredPolicy()
    {
        // A copy of the demo policy in another folder: the run reports it as the policy, the planner stays the configured one.
        string folder = Directory.CreateTempSubdirectory("run-model-").FullName;
        try
        {
            File.Copy(Repo("models/demo-policy.onnx"), Path.Combine(folder, "demo-policy.onnx"));
            File.Copy(Repo("models/demo-policy.yaml"), Path.Combine(folder, "demo-policy.yaml"));
            var (code, output, error) = CliRunner.Run("run", Repo("hardware/sim-arm6/robot.yaml"), "--model", Path.Combine(folder, "demo-policy.yaml"), "--duration", "1", "--no-ui");

            Assert.True(code == 0, error);
            Assert.Contains($"policy {Path.Combine(folder, "demo-policy.yaml")}", output);
            Assert.Contains($"planner {Repo("models/demo-planner.yaml")}", output);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
