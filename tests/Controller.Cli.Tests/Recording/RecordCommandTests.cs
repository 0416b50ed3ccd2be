using Controller.Cli.Commands;
using Controller.Runtime.Recording;

namespace Controller.Cli.Tests.Recording;

/// <summary>
/// <c>robotctl record</c> on the shipped sim-arm6: hand guiding by the simulated operator writes an ordinary episode file
/// (header mode guide) that the reader and <c>export lerobot</c> take; bad arguments are refused before anything moves.
/// </summary>
public class RecordCommandTests
{
    private static string SimArm6()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !Directory.Exists(Path.Combine(dir.FullName, "hardware", "sim-arm6")))
        {
            dir = dir.Parent;
        }

        return Path.Combine(dir?.FullName ?? throw new DirectoryNotFoundException("hardware/ not found above the test binaries"), "hardware", "sim-arm6", "robot.yaml");
    }

    [Fact]
    public void Record_GuideModeThreeSeconds_WritesAGuideEpisodeThatExportsToLeRobot()
    {
        string episode = Path.Combine(Path.GetTempPath(), $"guide-{Guid.NewGuid():N}.episode");
        string dataset = Path.Combine(Path.GetTempPath(), $"guide-{Guid.NewGuid():N}-dataset");
        try
        {
            var (code, output, error) = CliRunner.Run("record", SimArm6(), "--out", episode, "--mode", "guide", "--duration", "3", "--task", "put the red cube in the bin");

            Assert.True(code == 0, error + output);
            Assert.Contains("controller admittance; a simulated operator guides the tool", output);
            Assert.Contains("hand pushes", output);
            EpisodeReadResult read = EpisodeReader.Read(episode);
            Assert.Equal(EpisodeHeader.GuideMode, read.Header.Mode);
            Assert.Equal("put the red cube in the bin", read.Header.Task);
            Assert.Empty(read.Header.Models);
            Assert.True(read.Of<StateRecord>().Count() > 20, $"{read.Of<StateRecord>().Count()} state records in 3 s at 50 Hz");
            Assert.True(read.Of<WrenchRecord>().Any(), "the wrist wrench of the guiding hand should be recorded");

            var (exportCode, exportOutput, exportError) = CliRunner.Run("export", "lerobot", episode, dataset);
            Assert.True(exportCode == 0, exportError + exportOutput);
            Assert.True(File.Exists(Path.Combine(dataset, "meta", "info.json")));
        }
        finally
        {
            File.Delete(episode);
            if (Directory.Exists(dataset))
            {
                Directory.Delete(dataset, recursive: true);
            }
        }
    }

    [Fact]
    public void Record_PolicyModeTwoSeconds_WritesAPolicyEpisodeWithTheBrainsModels()
    {
        string episode = Path.Combine(Path.GetTempPath(), $"policy-{Guid.NewGuid():N}.episode");
        try
        {
            var (code, output, error) = CliRunner.Run("record", SimArm6(), "--out", episode, "--mode", "policy", "--duration", "2");

            Assert.True(code == 0, error + output);
            Assert.Contains("controller follower; the policy drives", output);
            EpisodeHeader header = EpisodeReader.ReadHeader(episode);
            Assert.Equal(EpisodeHeader.PolicyMode, header.Mode);
            Assert.Equal(["planner", "policy"], header.Models.Select(m => m.Role));
            Assert.Equal("put the red cube in the bin", header.Task);
        }
        finally
        {
            File.Delete(episode);
        }
    }

    [Theory]
    [InlineData("--mode", "teleop", "--mode 'teleop' is not allowed; use guide or policy")]
    [InlineData("--guide-path", "0.1,0.2;0,0,0.1", "waypoint 1 ('0.1,0.2') is not three finite numbers")]
    [InlineData("--duration", "0", "--duration must be > 0 seconds")]
    public void Record_BadArgument_RefusedWithUsageExitCode(string option, string value, string message)
    {
        string episode = Path.Combine(Path.GetTempPath(), $"refused-{Guid.NewGuid():N}.episode");

        var (code, _, error) = CliRunner.Run("record", SimArm6(), "--out", episode, option, value);

        Assert.Equal(RunCommand.UsageExitCode, code);
        Assert.Contains(message, error);
        Assert.False(File.Exists(episode));
    }

    [Fact]
    public void TryParsePath_ThreeWaypoints_ReadsThemInOrder()
    {
        Assert.True(RecordCommand.TryParsePath("0.2, 0, 0.15; 0,0.23,0.15 ;0,0.23,0.1", out var points, out _));
        Assert.Equal([0.2, 0.0, 0.0], points.Select(p => p.X));
        Assert.Equal(0.1, points[2].Z);
    }
}
