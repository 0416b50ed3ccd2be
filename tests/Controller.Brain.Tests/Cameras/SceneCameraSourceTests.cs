using Controller.Brain.Cameras;
using Controller.Brain.Perception;

namespace Controller.Brain.Tests.Cameras;

public class SceneCameraSourceTests
{
    private static readonly SceneBox Red = SceneBox.Named("red_cube", [0.22, -0.10, 0.0], [0.25, -0.07, 0.03]);

    [Fact]
    public void ReadLatest_RendersTheSceneAsTopDownCameraDoes()
    {
        var camera = new TopDownCamera();
        using var source = new SceneCameraSource("top", new TopDownCamera(), boxes => boxes.Add(Red));
        source.Open();
        var expected = new byte[camera.FrameBytes];
        camera.Render([Red], expected, 0);
        var rgb = new byte[((ICameraSource)source).FrameBytes];
        Assert.Equal(CameraReadStatus.Fresh, source.ReadLatest(rgb, out var first));
        Assert.Equal(expected, rgb);
        Assert.Equal(CameraReadStatus.Fresh, source.ReadLatest(rgb, out var second));
        Assert.Equal(first.Sequence + 1, second.Sequence);
        Assert.Equal(2, source.FramesCaptured);
    }

    [Fact]
    public void ReadLatest_Steady_AllocatesNothing()
    {
        using var source = new SceneCameraSource("top", new TopDownCamera(), boxes => boxes.Add(Red));
        source.Open();
        var rgb = new byte[64 * 64 * 3];
        source.ReadLatest(rgb, out _);
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 500; i++) source.ReadLatest(rgb, out _);
        Assert.Equal(before, GC.GetAllocatedBytesForCurrentThread());
    }

    [Fact]
    public void ReadLatest_Closed_IsNotOpen()
    {
        using var source = new SceneCameraSource("top", new TopDownCamera(), _ => { });
        Assert.Equal(CameraReadStatus.NotOpen, source.ReadLatest(new byte[64 * 64 * 3], out _));
    }
}
