using System.Text.Json;

namespace Controller.Cli.Tests.Commands;

public sealed class BrainCommandTests
{
    private static string Repo(string relative)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !Directory.Exists(Path.Combine(dir.FullName, "models")))
        {
            dir = dir.Parent;
        }

        return Path.Combine(dir!.FullName, relative);
    }

    [Fact]
    public void BrainRun_DemoPolicy_WritesTheIssuesJsonKeys()
    {
        string json = Path.Combine(Path.GetTempPath(), $"brain-{Guid.NewGuid():N}.json");
        try
        {
            var (code, output, error) = CliRunner.Run("brain", "run", Repo("models/demo-policy.yaml"), "--rate", "50", "--seconds", "1", "--json", json);

            Assert.True(code == 0, error);
            Assert.Contains("calls at", output);
            var root = JsonDocument.Parse(File.ReadAllText(json)).RootElement;
            Assert.True(root.GetProperty("calls").GetInt64() >= 10);
            Assert.True(root.GetProperty("rate_hz").GetDouble() > 0);
            Assert.True(root.GetProperty("latency_p50_ms").GetDouble() > 0);
            Assert.True(root.GetProperty("latency_p99_ms").GetDouble() >= root.GetProperty("latency_p50_ms").GetDouble());
            Assert.True(root.TryGetProperty("deadline_misses", out _));
        }
        finally
        {
            File.Delete(json);
        }
    }

    [Fact]
    public void BrainRun_PlannerWithInstruction_Runs()
    {
        var (code, output, error) = CliRunner.Run("brain", "run", Repo("models/demo-planner.yaml"), "--seconds", "0.5", "--instruction", "put the red cube in the bin");

        Assert.True(code == 0, error);
        Assert.Contains("latency p50", output);
    }

    [Fact]
    public void BrainRun_ImagesForAModelWithoutCamera_IsRefused()
    {
        var (code, _, error) = CliRunner.Run("brain", "run", Repo("models/demo-policy.yaml"), "--images", Path.GetTempPath());

        Assert.Equal(2, code);
        Assert.Contains("has no image input", error);
    }
}
