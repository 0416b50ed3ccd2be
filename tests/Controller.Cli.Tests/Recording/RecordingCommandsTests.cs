using System.Text.Json.Nodes;
using Controller.Cli.Commands;
using Controller.Runtime.Recording;
using Controller.Runtime.Recording.Export;
using Parquet;
using Parquet.Serialization;

namespace Controller.Cli.Tests.Recording;

public class RecordingCommandsTests
{
    [Fact]
    public void Replay_Print_ShowsSummaryAndEveryRecord()
    {
        string path = TestEpisodes.Write(12, "stack the cubes");
        try
        {
            var (code, output, error) = CliRunner.Run("replay", path, "--print");

            Assert.True(code == 0, error);
            Assert.Contains("robot test-arm", output);
            Assert.Contains("file intact", output);
            Assert.Contains("State 12", output);
            Assert.Contains("BrainSilent → ProtectiveStop", output);
            Assert.Equal(12, output.Split('\n').Count(l => l.Contains(" s  State ")));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Replay_TruncatedFile_PrintsTheWholeRecordsAndWhereItStopped()
    {
        string path = TestEpisodes.Write(12, "stack the cubes");
        try
        {
            byte[] bytes = File.ReadAllBytes(path);
            File.WriteAllBytes(path, bytes[..^5]);

            var (code, output, _) = CliRunner.Run("replay", path);

            Assert.Equal(0, code);
            Assert.Contains("file damaged: Truncated", output);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Replay_NotAnEpisode_Exit4NamingTheProblem()
    {
        string path = TestEpisodes.TempPath(".episode");
        File.WriteAllText(path, "robot: sim-arm6\n");
        try
        {
            var (code, _, error) = CliRunner.Run("replay", path);

            Assert.Equal(ReplayCommand.BadRecordingExitCode, code);
            Assert.Contains("not a readable episode", error);
            Assert.Contains("magic", error);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task ExportLeRobot_TwoEpisodes_ReadsBackWithSchemaAndRowCounts()
    {
        string first = TestEpisodes.Write(30, "put the red cube in the bin", withoutCommand: 2);
        string second = TestEpisodes.Write(20, "put the red cube in the bin", secondTask: "put the blue cube in the bin");
        string outDir = TestEpisodes.TempPath("-dataset");
        try
        {
            var (code, output, error) = CliRunner.Run("export", "lerobot", first, second, outDir);
            Assert.True(code == 0, error);
            Assert.Contains("2 episodes, 48 frames at 50 fps, 2 tasks, with observation.wrench", output);

            JsonNode info = JsonNode.Parse(File.ReadAllText(Path.Combine(outDir, "meta", "info.json")))!;
            Assert.Equal("v3.0", (string?)info["codebase_version"]);
            Assert.Equal(2, (int)info["total_episodes"]!);
            Assert.Equal(48, (int)info["total_frames"]!);
            Assert.Equal(2, (int)info["total_tasks"]!);
            Assert.Equal(50, (int)info["fps"]!);
            Assert.Equal(3, (int)info["features"]!["observation.state"]!["shape"]![0]!);
            Assert.Equal("b", (string?)info["features"]!["action"]!["names"]![1]);
            Assert.Equal(6, (int)info["features"]!["observation.wrench"]!["shape"]![0]!);

            string data = Path.Combine(outDir, LeRobotExporter.DataPath);
            await using (ParquetReader reader = await ParquetReader.CreateAsync(data))
            {
                Assert.Equal(
                    ["action", "episode_index", "frame_index", "index", "observation.state", "observation.wrench", "task_index", "timestamp"],
                    reader.Schema.Fields.Select(f => f.Name).Order(StringComparer.Ordinal));
            }

            var frames = (await ParquetSerializer.DeserializeAsync<LeRobotWrenchFrame>(data)).Data.ToArray();
            Assert.Equal(48, frames.Length);
            Assert.Equal(Enumerable.Range(0, 48).Select(i => (long)i), frames.Select(f => f.Index));
            Assert.Equal(28, frames.Count(f => f.EpisodeIndex == 0));
            Assert.Equal(0, frames[28].FrameIndex);
            Assert.Equal(1f / 50, frames[1].Timestamp, 6);
            Assert.Equal([0.02f, 1.02f, 2.02f], frames[0].ObservationState); // episode 0 starts at its third sample (the first with a command)
            Assert.Equal(0.021f, frames[0].Action[0], 5);
            Assert.Equal([1f, 2f, 5f, 0.1f, 0.2f, 0.3f], frames[0].ObservationWrench);
            Assert.Equal([0L, 1L], frames.Where(f => f.EpisodeIndex == 1).Select(f => f.TaskIndex).Distinct());

            var episodes = (await ParquetSerializer.DeserializeAsync<LeRobotEpisodeRow>(Path.Combine(outDir, LeRobotExporter.EpisodesPath))).Data.ToArray();
            Assert.Equal([28L, 20L], episodes.Select(e => e.Length));
            Assert.Equal([0L, 28L], episodes.Select(e => e.DatasetFromIndex));
            Assert.Equal([28L, 48L], episodes.Select(e => e.DatasetToIndex));
            Assert.Equal(["put the red cube in the bin", "put the blue cube in the bin"], episodes[1].Tasks);

            var taskFile = await ParquetSerializer.DeserializeAsync<LeRobotTaskRow>(Path.Combine(outDir, LeRobotExporter.TasksPath));
            var tasks = taskFile.Data.ToArray();
            Assert.Contains("\"index_columns\":[\"task\"]", taskFile.CustomMetadata["pandas"]);
            Assert.Equal(["put the red cube in the bin", "put the blue cube in the bin"], tasks.Select(t => t.Task));

            JsonNode stats = JsonNode.Parse(File.ReadAllText(Path.Combine(outDir, "meta", "stats.json")))!;
            Assert.Equal(48, (int)stats["action"]!["count"]![0]!);
            Assert.Equal(3, stats["observation.state"]!["mean"]!.AsArray().Count);
            Assert.Equal(0.0, (double)stats["observation.state"]!["min"]![0]!, 5); // episode 1's first frame
            Assert.Equal(0.29, (double)stats["observation.state"]!["max"]![0]!, 5); // episode 0's last frame
        }
        finally
        {
            File.Delete(first);
            File.Delete(second);
            if (Directory.Exists(outDir))
            {
                Directory.Delete(outDir, recursive: true);
            }
        }
    }

    [Fact]
    public void ExportLeRobot_DifferentJoints_UsageErrorNamingBoth()
    {
        string first = TestEpisodes.Write(5, "t");
        string second = TestEpisodes.Write(5, "t", joints: ["x", "y"]);
        string outDir = TestEpisodes.TempPath("-dataset");
        try
        {
            var (code, _, error) = CliRunner.Run("export", "lerobot", first, second, outDir);

            Assert.Equal(RunCommand.UsageExitCode, code);
            Assert.Contains("[x, y]", error);
            Assert.Contains("[a, b, c]", error);
        }
        finally
        {
            File.Delete(first);
            File.Delete(second);
        }
    }

    [Fact]
    public void Report_Episode_WritesPlotsAndAnIndexLinkingThem()
    {
        string path = TestEpisodes.Write(40, "put the red cube in the bin");
        string outDir = TestEpisodes.TempPath("-report");
        try
        {
            var (code, output, error) = CliRunner.Run("report", path, "--out", outDir);

            Assert.True(code == 0, error);
            Assert.Contains("index.html", output);
            string html = File.ReadAllText(Path.Combine(outDir, "index.html"));
            string[] expected = ["tracking-a", "tracking-b", "tracking-c", "wrench-force", "wrench-torque", "loop-lateness"];
            foreach (string name in expected)
            {
                byte[] png = File.ReadAllBytes(Path.Combine(outDir, name + ".png"));
                Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
                Assert.Contains("<svg", File.ReadAllText(Path.Combine(outDir, name + ".svg")));
                Assert.Contains($"src=\"{name}.png\"", html);
            }

            Assert.Contains("Tracking error", html);
            Assert.Contains("<td>a</td><td>0.0010</td>", html);
            Assert.Contains("BrainSilent", html);
        }
        finally
        {
            File.Delete(path);
            if (Directory.Exists(outDir))
            {
                Directory.Delete(outDir, recursive: true);
            }
        }
    }

    [Fact]
    public void Run_SimArm6WithRecord_WritesAnEpisodeReplayReadsIntact()
    {
        string path = TestEpisodes.TempPath(".episode");
        try
        {
            var (code, output, error) = CliRunner.Run("run", Hardware("sim-arm6/robot.yaml"), "--duration", "2", "--no-ui", "--record", path);

            Assert.True(code == 0, error);
            Assert.Contains($"records in {path}", output);
            EpisodeReadResult episode = EpisodeReader.Read(path);
            Assert.True(episode.Complete, episode.StopDetail);
            Assert.True(episode.Of<StateRecord>().Count() >= 50, $"{episode.Of<StateRecord>().Count()} state records in a 2 s run at 50 Hz");

            var (replayCode, replay, _) = CliRunner.Run("replay", path);
            Assert.Equal(0, replayCode);
            Assert.Contains("robot sim-arm6", replay);
            Assert.Contains("file intact", replay);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Run_RecordPathNotWritable_FailsBeforeTheRobotMoves()
    {
        var (code, output, error) = CliRunner.Run("run", Hardware("sim-arm6/robot.yaml"), "--duration", "1", "--no-ui", "--record", "/proc/no-such-dir/run.episode");

        Assert.Equal(RunCommand.BringUpFailedExitCode, code);
        Assert.Contains("could not be brought up", error);
        Assert.DoesNotContain(" up (simulated", output);
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
}
