using Controller.Brain.Cameras;
using SkiaSharp;

namespace Controller.Brain.Tests.Cameras;

internal static class SourceTestSupport
{
    /// <summary>Waits (polling, up to a generous bound for a loaded machine) until <paramref name="done"/>.</summary>
    public static void WaitUntil(Func<bool> done, string what)
    {
        var until = DateTime.UtcNow.AddSeconds(20);
        while (!done())
        {
            if (DateTime.UtcNow > until) throw new TimeoutException($"Gave up waiting for {what}.");
            Thread.Sleep(2);
        }
    }

    /// <summary>Plays a non-looping recording to its end and returns its last frame.</summary>
    public static byte[] PlayToEnd(RecordingCameraSource source)
    {
        source.Open();
        WaitUntil(() => source.IsFinished, $"{source.Name} to finish");
        var rgb = new byte[source.FrameBytes];
        Assert.Equal(CameraReadStatus.Fresh, source.ReadLatest(rgb, out _));
        return rgb;
    }

    public static void WritePng(string path, int w, int h, byte[] rgb) => File.WriteAllBytes(path, CameraFixtures.Encode(w, h, rgb, SKEncodedImageFormat.Png));

    public static PlaybackOptions Fast => new() { FramesPerSecond = 1000, Loop = false };
}
