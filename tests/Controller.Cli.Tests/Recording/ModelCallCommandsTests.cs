using Controller.Cli.Commands;
using Controller.Runtime.Configuration;
using Controller.Runtime.Recording;

namespace Controller.Cli.Tests.Recording;

/// <summary><c>replay</c> printing model calls, and the bus-load lines <c>run</c> prints at start.</summary>
public class ModelCallCommandsTests
{
    private static string WriteEpisodeWithModelCalls()
    {
        string path = TestEpisodes.TempPath(".episode");
        var header = new EpisodeHeader(EpisodeFormat.Version, "test-arm", "robot: test-arm\n", new string('0', 64), "test.urdf", ["a", "b"], [], 0, 0, 1000, 50, "put the red cube in the bin");
        byte[] png = PngImage.EncodeRgb(new byte[4 * 4 * 3], 4, 4);
        using var writer = EpisodeWriter.Create(path, header);
        writer.Write(new ModelCallRecord(10_000_000, ModelCallRecord.PlannerModel, 0, "Ok", 2_500_000, [], [], "put the red cube in the bin",
            [new ModelCallImage("observation.images.top", 4, 4, 3, ModelCallImage.PngEncoding, png)], "pick_and_place", [new ModelArgument("target_xy", [0.235, -0.085])], -1));
        writer.Write(new ModelCallRecord(20_000_000, ModelCallRecord.PolicyModel, 0, "Published", 400_000, [0.1, 0.2], [0.15, 0.25], "", [], "", [], 3));
        writer.Write(new ModelCallRecord(30_000_000, ModelCallRecord.PolicyModel, 0, "RejectedJump", 410_000, [0.1, 0.2], [0.15, 0.25], "", [], "", [], -1));
        return path;
    }

    [Fact]
    public void Replay_Print_ShowsEachModelCallAndASummary()
    {
        string path = WriteEpisodeWithModelCalls();
        try
        {
            var (code, output, error) = CliRunner.Run("replay", path, "--print");

            Assert.True(code == 0, error);
            Assert.Contains("  model calls: planner Ok 1, policy Published 1, policy RejectedJump 1; planner chose pick_and_place 1", output);
            Assert.Contains("ModelCall   planner #0 Ok in 2.50 ms  instruction \"put the red cube in the bin\"  image observation.images.top 4×4×3 png ", output);
            Assert.Contains("→ skill pick_and_place  target_xy [0.235 -0.085]", output);
            Assert.Contains("ModelCall   policy #0 Published in 0.40 ms  state [0.100 0.200]  goal [0.150 0.250]  → chunk #3", output);
            Assert.Contains("policy #0 RejectedJump in 0.41 ms  state [0.100 0.200]  goal [0.150 0.250]  → no chunk", output);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Write_SimArm6_PrintsOneBusLoadLine()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !Directory.Exists(Path.Combine(dir.FullName, "hardware", "sim-arm6"))) dir = dir.Parent;
        RobotConfig config = RobotConfigLoader.Load(Path.Combine(dir!.FullName, "hardware", "sim-arm6", "robot.yaml"));
        var output = new StringWriter();

        BusLoadLines.Write(config, output);

        Assert.Equal("  bus load: bus 'arm' (dynamixel, 7 servos, 217 B at 4000000 baud + 7 × 20 µs return delay): 0.682 ms of wire per 1.000 ms cycle (68 %)" + Environment.NewLine,
            output.ToString());
    }
}
