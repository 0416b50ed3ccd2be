using System.Text.Json;

namespace Controller.Cli.Tests.Commands;

public sealed class BenchBrainCommandTests
{
    [Fact]
    public void BenchBrain_Briefly_WritesEveryFigureTheIssueNames()
    {
        string json = Path.Combine(Path.GetTempPath(), $"bench-brain-{Guid.NewGuid():N}.json");
        try
        {
            var (code, output, error) = CliRunner.Run("bench", "brain", "--seconds", "1.5", "--json", json);

            Assert.True(code == 0, error + output);
            var root = JsonDocument.Parse(File.ReadAllText(json)).RootElement;
            Assert.True(root.GetProperty("overhead_vs_bare").GetDouble() > 0);
            Assert.True(root.GetProperty("planner_hz").GetDouble() > 0);
            Assert.True(root.GetProperty("policy_hz").GetDouble() > root.GetProperty("planner_hz").GetDouble());
            Assert.True(root.GetProperty("loop_p99_with_brain_us").GetDouble() > 0);
            Assert.True(root.GetProperty("loop_p99_without_brain_us").GetDouble() > 0);
            Assert.Equal(0, root.GetProperty("allocated_bytes_per_inference").GetDouble());
            // The out-of-process phase ran a real `robotctl brain serve --flat-out` child against the shared files.
            Assert.Equal(JsonValueKind.Null, root.GetProperty("out_of_process_note").ValueKind);
            Assert.True(root.GetProperty("loop_p99_with_brain_out_of_process_us").GetDouble() > 0);
            Assert.True(root.GetProperty("loop_p99_ratio_out_of_process").GetDouble() > 0);
            Assert.True(root.GetProperty("policy_hz_out_of_process").GetDouble() > root.GetProperty("planner_hz_out_of_process").GetDouble());
        }
        finally
        {
            File.Delete(json);
        }
    }

    [Fact]
    public void BenchBrain_FolderWithoutModels_SaysWhatIsMissing()
    {
        var (code, _, error) = CliRunner.Run("bench", "brain", "--seconds", "1", "--models", Path.GetTempPath());
        Assert.Equal(2, code);
        Assert.Contains("no demo-policy.yaml", error);
    }
}
