using Controller.Brain.Cameras;
using Controller.Runtime.Brain;
using Controller.Runtime.Configuration;
using Controller.Runtime.Tests.Configuration;

namespace Controller.Runtime.Tests.Brain;

/// <summary>The brain's planner on sim-arm6 seeing a configured camera instead of the simulated scene.</summary>
[Collection("runtime")]
public sealed class BrainWorkerCameraTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("brain-camera-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static RobotRuntime Build(string cameras)
    {
        string file = RobotConfigLoaderTests.Hardware("sim-arm6/robot.yaml");
        RobotConfig config = RobotConfigLoader.Parse(File.ReadAllText(file) + "\ncameras:\n" + cameras, file);
        return RobotRuntime.Build(config, new RuntimeOptions { RealtimeSetup = false, Brain = new BrainOptions(), HoldBeforeDisable = TimeSpan.Zero });
    }

    [Fact]
    public void Planner_FolderCameraShowingAnEmptyTable_HoldsAlthoughTheSceneHasCubes()
    {
        // The table's light grey and nothing on it: the planner finds no red cube and says hold, where the
        // simulated scene (three cubes) would have started the pick.
        var ppm = new List<byte>(System.Text.Encoding.ASCII.GetBytes("P6\n64 64\n255\n"));
        for (int i = 0; i < 64 * 64; i++) ppm.AddRange([200, 200, 200]);
        File.WriteAllBytes(Path.Combine(_folder, "empty.ppm"), ppm.ToArray());
        using var runtime = Build($"  - {{ name: top, type: folder, path: {_folder}, fps: 20 }}\n");
        runtime.Start();
        BrainWorker brain = runtime.Brain!;
        Assert.True(BrainWorkerFaultTests.WaitUntil(() => brain.Counts.PlannerRuns >= 3), $"the planner ran {brain.Counts.PlannerRuns} times");
        string skill = brain.Skill;
        runtime.Stop();

        var camera = Assert.IsType<FolderCameraSource>(brain.Camera);
        Assert.True(camera.FramesCaptured >= 1);
        Assert.Equal("wait_for_plan", skill);
    }

    [Fact]
    public void Build_SceneCamera_KeepsTheDemo()
    {
        using var runtime = Build("  - { name: top, type: scene }\n");
        Assert.Null(runtime.Brain!.Camera);
    }

    [Fact]
    public void Build_MissingV4l2Device_FailsNamingDeviceAndModule()
    {
        string device = "/dev/video" + Enumerable.Range(0, 1000).First(i => !File.Exists($"/dev/video{i}"));
        var e = Assert.Throws<InvalidOperationException>(() => Build($"  - {{ name: top, type: v4l2, device: {device} }}\n"));
        Assert.Contains($"'{device}' does not exist", e.Message);
        Assert.Contains("uvcvideo", e.Message);
    }
}
