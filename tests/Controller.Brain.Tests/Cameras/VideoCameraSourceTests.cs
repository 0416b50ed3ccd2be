using Controller.Brain.Cameras;
using Controller.Brain.Tests.Support;
using SkiaSharp;
using static Controller.Brain.Tests.Cameras.SourceTestSupport;

namespace Controller.Brain.Tests.Cameras;

public class VideoCameraSourceTests
{
    [Fact]
    public void Y4m_PlayedToEnd_DeliversEveryFrameAndTheLast()
    {
        using var folder = new TempFolder();
        var frames = Enumerable.Range(0, 4).Select(i => CameraFixtures.Solid(6, 4, (byte)(20 + 50 * i), 100, 30)).ToList();
        string path = folder.File("clip.y4m");
        File.WriteAllBytes(path, CameraFixtures.Y4m(6, 4, frames, "420jpeg", rate: "25:1"));
        using var source = (Y4mCameraSource)VideoFiles.Create("top", path, Fast);
        byte[] last = PlayToEnd(source);
        Assert.Equal(4, source.FramesCaptured);
        Assert.Equal(0, source.FramesFailed);
        Assert.Equal(25, source.Header!.FramesPerSecond);
        Assert.InRange(CameraFixtures.MaxDifference(frames[^1], last), 0, 4);
    }

    [Fact]
    public void Y4m_OwnRate_IsUsedWhenNoneIsGiven()
    {
        using var folder = new TempFolder();
        string path = folder.File("clip.y4m");
        File.WriteAllBytes(path, CameraFixtures.Y4m(2, 2, [CameraFixtures.Solid(2, 2, 1, 2, 3)], rate: "50:1"));
        using var source = new Y4mCameraSource("top", path);
        source.Open();
        Assert.Equal(50, source.FramesPerSecond);
    }

    [Fact]
    public void Avi_PlayedToEnd_DecodesEveryJpegFrame()
    {
        using var folder = new TempFolder();
        var images = Enumerable.Range(0, 3).Select(i => CameraFixtures.Solid(16, 8, 200, (byte)(30 + 60 * i), 40)).ToList();
        string path = folder.File("clip.avi");
        File.WriteAllBytes(path, CameraFixtures.MjpegAvi(16, 8, images.Select(i => CameraFixtures.Encode(16, 8, i, SKEncodedImageFormat.Jpeg)).ToList()));
        using var source = (AviMjpegCameraSource)VideoFiles.Create("top", path, Fast);
        byte[] last = PlayToEnd(source);
        Assert.Equal(3, source.FramesCaptured);
        Assert.Equal((16, 8), (source.Width, source.Height));
        Assert.InRange(CameraFixtures.MaxDifference(images[^1], last), 0, 6);
    }

    [Fact]
    public void Avi_CorruptJpegFrame_IsCountedAndSkipped()
    {
        using var folder = new TempFolder();
        byte[] good = CameraFixtures.Encode(16, 8, CameraFixtures.Solid(16, 8, 9, 9, 9), SKEncodedImageFormat.Jpeg);
        string path = folder.File("clip.avi");
        File.WriteAllBytes(path, CameraFixtures.MjpegAvi(16, 8, [good, [0x12, 0x34, 0x56], good]));
        using var source = new AviMjpegCameraSource("top", path, Fast);
        PlayToEnd(source);
        Assert.Equal(2, source.FramesCaptured);
        Assert.Equal(1, source.FramesFailed);
        Assert.Contains("frame 1", source.LastError ?? "");
    }

    [Theory]
    [InlineData("clip.mp4", "extension '.mp4'")]
    [InlineData("missing.y4m", "cannot be opened")]
    [InlineData("garbage.y4m", "not a usable Y4M")]
    [InlineData("garbage.avi", "not a usable MJPEG AVI")]
    public void Open_UnusableFile_ThrowsCameraExceptionNamingIt(string file, string expected)
    {
        using var folder = new TempFolder();
        if (file.StartsWith("garbage", StringComparison.Ordinal)) File.WriteAllBytes(folder.File(file), CameraFixtures.RandomBytes(7, 100));
        var e = Assert.Throws<CameraException>(() => VideoFiles.Create("top", folder.File(file)).Open());
        Assert.Contains(expected, e.Message);
    }
}
