using System.Text;
using System.Text.Json;
using Controller.Brain.Perception;
using SkiaSharp;

namespace Controller.Cli.Tests.Commands;

/// <summary><c>robotctl brain run --images / --video</c> with the shipped demo planner (it takes the top camera).</summary>
public sealed class BrainRunImagesTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("brain-images-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static string Repo(string relative)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !Directory.Exists(Path.Combine(dir.FullName, "models"))) dir = dir.Parent;
        return Path.Combine(dir!.FullName, relative);
    }

    private static byte[] RenderRedCube(double x, double y)
    {
        var camera = new TopDownCamera();
        var rgb = new byte[camera.FrameBytes];
        camera.Render([SceneBox.Named("red_cube", [x - 0.015, y - 0.015, 0], [x + 0.015, y + 0.015, 0.03])], rgb, 0);
        return rgb;
    }

    private static void WritePng(string path, byte[] rgb, int w, int h)
    {
        using var bitmap = new SKBitmap(new SKImageInfo(w, h, SKColorType.Rgba8888, SKAlphaType.Unpremul));
        for (int y = 0; y < h; y++)
            for (int x = 0; x < w; x++)
            {
                int i = (y * w + x) * 3;
                bitmap.SetPixel(x, y, new SKColor(rgb[i], rgb[i + 1], rgb[i + 2]));
            }
        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        File.WriteAllBytes(path, data.ToArray());
    }

    [Fact]
    public void BrainRun_DemoPlannerWithPngFolder_FeedsFramesAndReportsThem()
    {
        for (int i = 0; i < 3; i++) WritePng(Path.Combine(_folder, $"frame_{i:D3}.png"), RenderRedCube(0.15 + 0.05 * i, 0.0), 64, 64);
        File.WriteAllText(Path.Combine(_folder, "README.txt"), "ignored");
        string json = Path.Combine(_folder, "report.json");

        var (code, output, error) = CliRunner.Run("brain", "run", Repo("models/demo-planner.yaml"), "--images", _folder, "--fps", "20",
            "--rate", "20", "--seconds", "0.5", "--instruction", "put the red cube in the bin", "--json", json);

        Assert.True(code == 0, error);
        Assert.Contains("observation.images.top:", output);
        var root = JsonDocument.Parse(File.ReadAllText(json)).RootElement;
        // The keys are still there, unchanged.
        foreach (string key in new[] { "manifest", "calls", "rate_hz", "latency_p50_ms", "latency_p99_ms", "deadline_misses" }) Assert.True(root.TryGetProperty(key, out _), key);
        var frames = root.GetProperty("frames")[0];
        Assert.Equal("observation.images.top", frames.GetProperty("feature").GetString());
        Assert.Equal("folder", frames.GetProperty("source").GetString());
        Assert.Equal(64, frames.GetProperty("width").GetInt32());
        long used = frames.GetProperty("frames_used").GetInt64();
        Assert.InRange(used, 1, root.GetProperty("calls").GetInt64());
        Assert.All(frames.GetProperty("frame_indices").EnumerateArray(), e => Assert.InRange(e.GetInt64(), 0, 2));
        Assert.Equal(0, frames.GetProperty("frames_failed").GetInt64());
        Assert.Equal(0, frames.GetProperty("status_mismatches").GetInt64());
    }

    [Fact]
    public void BrainRun_DemoPlannerWithY4mVideo_FeedsFrames()
    {
        // A 4:4:4 Y4M of gray frames (Y only matters; chroma neutral), written by hand.
        string path = Path.Combine(_folder, "clip.y4m");
        using (var o = File.Create(path))
        {
            o.Write(Encoding.ASCII.GetBytes("YUV4MPEG2 W32 H32 F10:1 Ip A1:1 C444\n"));
            for (int f = 0; f < 2; f++)
            {
                o.Write("FRAME\n"u8);
                o.Write(Enumerable.Repeat((byte)(100 + 50 * f), 32 * 32).ToArray());
                o.Write(Enumerable.Repeat((byte)128, 2 * 32 * 32).ToArray());
            }
        }
        string json = Path.Combine(_folder, "report.json");

        var (code, _, error) = CliRunner.Run("brain", "run", Repo("models/demo-planner.yaml"), "--video", path, "--seconds", "0.3", "--rate", "20", "--json", json);

        Assert.True(code == 0, error);
        var frames = JsonDocument.Parse(File.ReadAllText(json)).RootElement.GetProperty("frames")[0];
        Assert.Equal("video", frames.GetProperty("source").GetString());
        Assert.True(frames.GetProperty("frames_used").GetInt64() >= 1);
    }

    [Fact]
    public void BrainRun_FolderWithASubfolderPerCamera_FeedsFromTheCamerasOwn()
    {
        string top = Directory.CreateDirectory(Path.Combine(_folder, "top")).FullName;
        WritePng(Path.Combine(top, "a.png"), RenderRedCube(0.2, 0.0), 64, 64);
        string json = Path.Combine(_folder, "report.json");

        var (code, _, error) = CliRunner.Run("brain", "run", Repo("models/demo-planner.yaml"), "--images", _folder, "--seconds", "0.2", "--rate", "20", "--json", json);

        Assert.True(code == 0, error);
        var frames = JsonDocument.Parse(File.ReadAllText(json)).RootElement.GetProperty("frames")[0];
        Assert.Equal(top, frames.GetProperty("path").GetString());
    }

    [Fact]
    public void BrainRun_ImagesAndVideoTogether_IsRefused()
    {
        var (code, _, error) = CliRunner.Run("brain", "run", Repo("models/demo-planner.yaml"), "--images", _folder, "--video", Path.Combine(_folder, "x.y4m"), "--seconds", "0.1");

        Assert.Equal(2, code);
        Assert.Contains("not both", error);
    }

    [Fact]
    public void BrainRun_EmptyImageFolder_IsRefusedNamingIt()
    {
        var (code, _, error) = CliRunner.Run("brain", "run", Repo("models/demo-planner.yaml"), "--images", _folder, "--seconds", "0.1");

        Assert.Equal(2, code);
        Assert.Contains("has no images", error);
        Assert.Contains(_folder, error);
    }
}
