using Controller.Brain.Cameras;
using Controller.Brain.Demo;
using Controller.Brain.Hosting;
using Controller.Brain.Manifests;
using Controller.Brain.Perception;
using Controller.Brain.Tests.Support;
using static Controller.Brain.Tests.Cameras.SourceTestSupport;

namespace Controller.Brain.Tests.Cameras;

/// <summary>The demo planner fed from recorded frames instead of the live scene.</summary>
public sealed class CameraPlannerTests : IDisposable
{
    private readonly ModelHost _host = ModelHost.Create(ManifestParser.Load(RepoPaths.Model(DemoModelGenerator.PlannerManifestFile)));

    public void Dispose() => _host.Dispose();

    [Fact]
    public void FolderOfRenderedPngs_PlannerTargetsTheCubeInTheLastImage()
    {
        using var folder = new TempFolder();
        var camera = new TopDownCamera();
        var pixels = new byte[camera.FrameBytes];
        (double X, double Y)[] cubes = [(0.15, 0.05), (0.30, -0.12)];
        for (int i = 0; i < cubes.Length; i++)
        {
            var (x, y) = cubes[i];
            camera.Render([SceneBox.Named("red_cube", [x - 0.015, y - 0.015, 0], [x + 0.015, y + 0.015, 0.03])], pixels, 0);
            WritePng(folder.File($"frame_{i:D2}.png"), camera.Width, camera.Height, pixels);
        }

        using var source = new FolderCameraSource("top", folder.Path, Fast);
        byte[] rgb = PlayToEnd(source);
        var observation = new ObservationAssembler(_host, 7);
        Assert.Equal(AssemblyStatus.Ok, observation.SetImage("observation.images.top", new CameraFrame(rgb, source.Width, source.Height, 3, 0)));
        Assert.Equal(AssemblyStatus.Ok, observation.SetTask("put the red cube in the bin"));
        Assert.Equal(InferenceStatus.Ok, _host.Run());
        var target = _host.Outputs["target_xy"].Floats;
        Assert.Equal(cubes[^1].X, target[0], 0.003);
        Assert.Equal(cubes[^1].Y, target[1], 0.003);
    }
}
