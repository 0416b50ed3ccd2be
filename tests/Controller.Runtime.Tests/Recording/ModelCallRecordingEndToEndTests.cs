using System.Text.Json.Nodes;
using Controller.Runtime.Configuration;
using Controller.Runtime.Recording;
using Controller.Runtime.Recording.Export;
using Controller.Runtime.Tests.Configuration;
using Parquet;
using Parquet.Schema;
using Parquet.Serialization;

namespace Controller.Runtime.Tests.Recording;

/// <summary>The shipped sim-arm6 with its in-process brain, recorded: the model calls in the file, then exported to LeRobot.</summary>
[Collection("runtime")]
public class ModelCallRecordingEndToEndTests
{
    [Fact]
    public async Task Run_SimArm6WithBrain_RecordsModelCallsAndExportsTheCameraImage()
    {
        string path = Path.Combine(Path.GetTempPath(), $"calls-{Guid.NewGuid():N}.episode");
        string outDir = Path.Combine(Path.GetTempPath(), $"calls-{Guid.NewGuid():N}");
        try
        {
            using (var runtime = RobotRuntime.Build(RobotConfigLoader.Load(RobotConfigLoaderTests.Hardware("sim-arm6/robot.yaml")),
                       new RuntimeOptions { RealtimeSetup = true, Recording = new RecordingOptions(path) { StateRateHz = 50, FlushEveryRecords = 10 } }))
            {
                runtime.Start();
                var deadline = DateTime.UtcNow.AddSeconds(60);
                while (DateTime.UtcNow < deadline && (runtime.Status().ChunksReceived < 5 || runtime.Status().ElapsedSeconds < 2))
                {
                    Thread.Sleep(100);
                }

                runtime.Stop();
                Assert.Null(runtime.Recorder!.Failure);
            }

            EpisodeReadResult episode = EpisodeReader.Read(path);
            Assert.Equal(EpisodeFormat.Version, episode.Header.FormatVersion);
            var calls = episode.Of<ModelCallRecord>().ToArray();
            var planner = calls.Where(c => c.Model == ModelCallRecord.PlannerModel).ToArray();
            var policy = calls.Where(c => c.Model == ModelCallRecord.PolicyModel).ToArray();
            Assert.NotEmpty(planner);
            Assert.True(policy.Length >= 5, $"{policy.Length} policy calls");

            ModelCallRecord plan = planner[0];
            Assert.Equal("Ok", plan.Status);
            Assert.Equal(episode.Header.Task, plan.Instruction);
            ModelCallImage image = Assert.Single(plan.Images);
            Assert.Equal("observation.images.top", image.Feature);
            var pixels = PngImage.DecodeRgb(image.Data);
            Assert.NotNull(pixels);
            Assert.Equal((image.Width, image.Height), (pixels.Value.Width, pixels.Value.Height));
            Assert.True(pixels.Value.Rgb.Distinct().Count() > 2, "the camera sees the table, the cubes and the bin");
            Assert.Equal("pick_and_place", plan.Skill);
            Assert.Contains(plan.Arguments, a => a.Name == "target_xy" && a.Values.Length >= 2 && a.Values.All(double.IsFinite));

            Assert.All(policy, p => Assert.Equal(7, p.StateRad.Length));
            Assert.All(policy, p => Assert.Equal(7, p.GoalRad.Length));
            var chunks = episode.Of<ChunkRecord>().Select(c => (c.ModelIndex, c.Sequence)).ToHashSet();
            var published = policy.Where(p => p.ChunkSequence >= 0).ToArray();
            Assert.NotEmpty(published);
            Assert.All(published, p => Assert.Equal("Published", p.Status));
            // Every chunk the loop took was published by a recorded call (the last calls' chunks may not have been taken before the stop).
            Assert.All(chunks, c => Assert.Contains(published, p => (p.ModelIndex, p.ChunkSequence) == c));

            LeRobotExportSummary summary = await LeRobotExporter.ExportAsync([path], outDir);
            string data = Path.Combine(outDir, LeRobotExporter.DataPath);
            await using (var stream = File.OpenRead(data))
            {
                var rows = await ParquetSerializer.DeserializeUntypedAsync(stream);
                Assert.Equal(summary.Frames, rows.Data.Count);
                var field = Assert.IsType<StructField>(rows.Schema.Fields.Single(f => f.Name == "observation.images.top"));
                Assert.Equal(["bytes", "path"], field.Fields.Select(f => f.Name));
                var first = (IDictionary<string, object?>)rows.Data[0]["observation.images.top"]!;
                byte[] png = first["bytes"] switch { byte[] b => b, ReadOnlyMemory<byte> m => m.ToArray(), var other => throw new InvalidOperationException($"bytes read back as {other?.GetType()}") };
                Assert.Equal(pixels.Value.Rgb.Length, PngImage.DecodeRgb(png)!.Value.Rgb.Length);
                Assert.Equal("frame_000000.png", first["path"]);
            }

            JsonNode info = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(outDir, "meta", "info.json")))!;
            JsonNode feature = info["features"]!["observation.images.top"]!;
            Assert.Equal("image", (string?)feature["dtype"]);
            Assert.Equal([image.Height, image.Width, 3], feature["shape"]!.AsArray().Select(n => (int)n!));
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
}
