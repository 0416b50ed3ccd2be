using Controller.Brain.Cameras;
using Controller.Brain.Tests.Support;
using SkiaSharp;
using static Controller.Brain.Tests.Cameras.SourceTestSupport;

namespace Controller.Brain.Tests.Cameras;

public class FolderCameraSourceTests
{
    private const int W = 8, H = 6;

    [Theory]
    [InlineData("a.png", 0)]
    [InlineData("a.jpg", 6)]
    [InlineData("a.ppm", 0)]
    public void ReadLatest_OneImageOfEachFormat_DeliversItsPixels(string file, int tolerance)
    {
        using var folder = new TempFolder();
        byte[] image = CameraFixtures.Solid(W, H, 30, 140, 220);
        byte[] bytes = Path.GetExtension(file) switch
        {
            ".png" => CameraFixtures.Encode(W, H, image, SKEncodedImageFormat.Png),
            ".jpg" => CameraFixtures.Encode(W, H, image, SKEncodedImageFormat.Jpeg),
            _ => CameraFixtures.Ppm(W, H, image),
        };
        File.WriteAllBytes(folder.File(file), bytes);
        using var source = new FolderCameraSource("top", folder.Path, Fast);
        byte[] rgb = PlayToEnd(source);
        Assert.Equal((W, H), (source.Width, source.Height));
        Assert.InRange(CameraFixtures.MaxDifference(image, rgb), 0, tolerance);
    }

    [Fact]
    public void ReadLatest_Pgm_SpreadsGrayToRgb()
    {
        using var folder = new TempFolder();
        File.WriteAllBytes(folder.File("g.pgm"), CameraFixtures.Pgm(2, 1, [9, 200]));
        using var source = new FolderCameraSource("top", folder.Path, Fast);
        Assert.Equal(new byte[] { 9, 9, 9, 200, 200, 200 }, PlayToEnd(source));
    }

    [Fact]
    public void Open_MixedFolder_PlaysImagesSortedByNameAndIgnoresOthers()
    {
        using var folder = new TempFolder();
        for (int i = 0; i < 5; i++) File.WriteAllBytes(folder.File($"frame_{4 - i:D3}.ppm"), CameraFixtures.Ppm(W, H, CameraFixtures.Solid(W, H, (byte)(4 - i), 0, 0)));
        folder.Write("notes.txt", "not an image");
        using var source = new FolderCameraSource("top", folder.Path, Fast);
        byte[] last = PlayToEnd(source);
        Assert.Equal(5, source.Files.Count);
        Assert.Equal(source.Files.Order(StringComparer.Ordinal), source.Files);
        Assert.Equal(4, last[0]);
        Assert.Equal(5, source.FramesCaptured);
        // Nobody read until the end: every frame but the last was replaced unread.
        Assert.Equal(4, source.FramesDropped);
    }

    [Fact]
    public void Open_BadAndMismatchedImages_CountsThemAsFailedAndPlaysTheRest()
    {
        using var folder = new TempFolder();
        WritePng(folder.File("a.png"), W, H, CameraFixtures.Solid(W, H, 1, 2, 3));
        WritePng(folder.File("b.png"), W + 2, H, CameraFixtures.Solid(W + 2, H, 1, 2, 3));
        File.WriteAllBytes(folder.File("c.ppm"), "P6\n8 6\n255\n"u8.ToArray());
        File.WriteAllBytes(folder.File("d.ppm"), CameraFixtures.Ppm(W, H, CameraFixtures.Solid(W, H, 77, 2, 3)));
        using var source = new FolderCameraSource("top", folder.Path, Fast);
        byte[] last = PlayToEnd(source);
        Assert.Equal(77, last[0]);
        Assert.Equal(2, source.FramesCaptured);
        Assert.Equal(2, source.FramesFailed);
        Assert.Contains("c.ppm", source.LastError ?? "");
    }

    [Fact]
    public void ReadLatest_Looping_KeepsPublishingInOrder()
    {
        using var folder = new TempFolder();
        for (int i = 0; i < 3; i++) File.WriteAllBytes(folder.File($"{i}.ppm"), CameraFixtures.Ppm(2, 2, CameraFixtures.Solid(2, 2, (byte)i, 0, 0)));
        using var source = new FolderCameraSource("top", folder.Path, new PlaybackOptions { FramesPerSecond = 500 });
        source.Open();
        var rgb = new byte[12];
        long lastSequence = -1;
        var seen = new HashSet<long>();
        WaitUntil(() =>
        {
            var status = source.ReadLatest(rgb, out var info);
            if (status == CameraReadStatus.Fresh)
            {
                Assert.True(info.Sequence > lastSequence);
                Assert.Equal(info.SourceIndex, rgb[0]);
                lastSequence = info.Sequence;
                seen.Add(info.SourceIndex);
            }
            return source.FramesCaptured > 7;
        }, "the folder to loop");
        Assert.False(source.IsFinished);
        Assert.NotEmpty(seen);
        Assert.All(seen, index => Assert.InRange(index, 0, 2));
    }

    [Fact]
    public void ReadLatest_Steady_AllocatesNothing()
    {
        using var folder = new TempFolder();
        File.WriteAllBytes(folder.File("a.ppm"), CameraFixtures.Ppm(W, H, CameraFixtures.Solid(W, H, 5, 6, 7)));
        using var source = new FolderCameraSource("top", folder.Path, new PlaybackOptions { FramesPerSecond = 200 });
        source.Open();
        var rgb = new byte[source.FrameBytes];
        WaitUntil(() => source.ReadLatest(rgb, out _) != CameraReadStatus.NoFrameYet, "a first frame");
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 5000; i++) source.ReadLatest(rgb, out _);
        Assert.Equal(before, GC.GetAllocatedBytesForCurrentThread());
    }

    [Fact]
    public void ReadLatest_BeforeOpenOrSmallBuffer_SaysSo()
    {
        using var folder = new TempFolder();
        File.WriteAllBytes(folder.File("a.ppm"), CameraFixtures.Ppm(W, H, CameraFixtures.Solid(W, H, 5, 6, 7)));
        using var source = new FolderCameraSource("top", folder.Path, Fast);
        Assert.Equal(CameraReadStatus.NotOpen, source.ReadLatest(new byte[W * H * 3], out _));
        source.Open();
        Assert.Equal(CameraReadStatus.BufferTooSmall, source.ReadLatest(new byte[10], out _));
    }

    [Fact]
    public void Open_MissingEmptyOrWrongSize_ThrowsCameraExceptionNamingIt()
    {
        using var folder = new TempFolder();
        Assert.Contains("does not exist", Assert.Throws<CameraException>(() => new FolderCameraSource("top", folder.File("nope")).Open()).Message);
        Assert.Contains("has no images", Assert.Throws<CameraException>(() => new FolderCameraSource("top", folder.Path).Open()).Message);
        File.WriteAllBytes(folder.File("a.ppm"), CameraFixtures.Ppm(W, H, new byte[W * H * 3]));
        var e = Assert.Throws<CameraException>(() => new FolderCameraSource("top", folder.Path, new PlaybackOptions { Width = 640, Height = 480 }).Open());
        Assert.Contains("8×6", e.Message);
        Assert.Contains("640×480", e.Message);
    }
}
