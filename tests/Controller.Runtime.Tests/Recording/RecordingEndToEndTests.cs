using Controller.Runtime.Configuration;
using Controller.Runtime.Recording;
using Controller.Runtime.Tests.Configuration;

namespace Controller.Runtime.Tests.Recording;

/// <summary>The shipped sim-arm6 with the brain, recorded for a few seconds; the file read back.</summary>
[Collection("runtime")]
public class RecordingEndToEndTests
{
    private static RobotRuntime Build(string path) =>
        RobotRuntime.Build(RobotConfigLoader.Load(RobotConfigLoaderTests.Hardware("sim-arm6/robot.yaml")),
            new RuntimeOptions { RealtimeSetup = true, Recording = new RecordingOptions(path) { StateRateHz = 50, FlushEveryRecords = 10 } });

    [Fact]
    public void Run_SimArm6WithRecording_WritesACompleteEpisode()
    {
        string path = Path.Combine(Path.GetTempPath(), $"e2e-{Guid.NewGuid():N}.episode");
        try
        {
            using (var runtime = Build(path))
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

            Assert.True(episode.Complete, episode.StopDetail);
            Assert.Equal("sim-arm6", episode.Header.RobotName);
            Assert.Equal(7, episode.Header.JointNames.Count);
            Assert.Equal(64, episode.Header.ConfigSha256.Length);
            Assert.Contains("robot: sim-arm6", episode.Header.ConfigText);
            Assert.Equal(["planner", "policy"], episode.Header.Models.Select(m => m.Role));
            Assert.All(episode.Header.Models, m => Assert.Equal(64, m.ManifestSha256.Length));
            var states = episode.Of<StateRecord>().ToArray();
            Assert.True(states.Length >= 50, $"{states.Length} state records in {states.LastOrDefault()?.TimeSeconds} s");
            Assert.All(states, s => Assert.Equal(7, s.PositionRad.Length));
            Assert.True(states.Zip(states.Skip(1)).All(p => p.Second.TimeNs > p.First.TimeNs), "state times must increase");
            Assert.Contains(states, s => s.CommandRad.Length == 7);
            Assert.NotEmpty(episode.Of<WrenchRecord>());
            Assert.NotEmpty(episode.Of<ChunkRecord>());
            Assert.NotEmpty(episode.Of<SkillRecord>());
            Assert.NotEmpty(episode.Of<LoopRecord>());
            Assert.Contains(episode.Of<FaultRecord>(), f => f.Source == "arm" && f.State == "Active");
            Assert.Contains(episode.Of<FaultRecord>(), f => f.Source == "arm" && f.State == "Stopped");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void RunCycles_WithRecording_LoopThreadDoesNotAllocate()
    {
        string path = Path.Combine(Path.GetTempPath(), $"alloc-{Guid.NewGuid():N}.episode");
        try
        {
            using var runtime = Build(path);
            runtime.Start(loopThread: false);
            runtime.RunCyclesOnCallingThread(500);
            long before = GC.GetAllocatedBytesForCurrentThread();
            runtime.RunCyclesOnCallingThread(3000);
            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            RuntimeStatus status = runtime.Status();
            runtime.Stop();

            Assert.Equal(0, allocated);
            Assert.True(status.ChunksReceived > 0, "the brain should have fed the loop (and the chunk-summary ring) during the measured cycles");
            Assert.NotEmpty(EpisodeReader.Read(path).Of<ChunkRecord>());
        }
        finally
        {
            File.Delete(path);
        }
    }
}
