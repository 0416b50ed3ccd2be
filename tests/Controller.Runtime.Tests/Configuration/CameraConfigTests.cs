using Controller.Runtime.Configuration;

namespace Controller.Runtime.Tests.Configuration;

public sealed class CameraConfigTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("camera-config-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static string File => RobotConfigLoaderTests.Hardware("sim-arm6/robot.yaml");

    private static string WithCameras(string cameras) => System.IO.File.ReadAllText(File) + "\ncameras:\n" + cameras;

    private static ConfigException Refused(string cameras) => Assert.Throws<ConfigException>(() => RobotConfigLoader.Parse(WithCameras(cameras), File));

    [Fact]
    public void Parse_EveryType_ReadsItsFields()
    {
        string video = Path.Combine(_folder, "clip.y4m");
        System.IO.File.WriteAllText(video, "");
        RobotConfig config = RobotConfigLoader.Parse(WithCameras($"""
              - {"{"} name: top, type: folder, path: {_folder}, fps: 15, loop: false, width: 64, height: 48 {"}"}
              - {"{"} name: wrist, type: v4l2, device: /dev/video2, format: mjpeg {"}"}
              - {"{"} name: side, type: video, path: {video} {"}"}
              - {"{"} name: sim, type: scene {"}"}
            """), File);

        Assert.Equal(4, config.Cameras.Count);
        Assert.Equal(new CameraConfig("top", "folder", _folder, null, 64, 48, 15, false, null), config.Cameras[0]);
        Assert.Equal(new CameraConfig("wrist", "v4l2", null, "/dev/video2", 640, 480, null, true, "mjpeg"), config.Cameras[1]);
        Assert.Equal(video, config.Cameras[2].Path);
        Assert.Equal("scene", config.Cameras[3].Type);
    }

    [Fact]
    public void Parse_RelativeFolder_ResolvesFromTheConfigurationFile()
    {
        RobotConfig config = RobotConfigLoader.Parse(WithCameras("  - { name: top, type: folder, path: . }\n"), File);
        Assert.Equal(Path.GetDirectoryName(File), config.Cameras[0].Path);
    }

    [Fact]
    public void Parse_NoCameras_IsEmpty() => Assert.Empty(RobotConfigLoader.Load(File).Cameras);

    [Theory]
    [InlineData("  - { name: top, type: usb }\n", "cameras[0].type", "'usb' is not one of: scene, folder, video, v4l2")]
    [InlineData("  - { name: top, type: folder }\n", "cameras[0].path", "missing")]
    [InlineData("  - { name: top, type: folder, path: no/such/dir }\n", "cameras[0].path", "image folder 'no/such/dir' does not exist")]
    [InlineData("  - { name: top, type: video, path: nope.y4m }\n", "cameras[0].path", "video 'nope.y4m' does not exist")]
    [InlineData("  - { name: top, type: v4l2, width: 641 }\n", "cameras[0].width", "641 is odd")]
    [InlineData("  - { name: top, type: v4l2, width: 0 }\n", "cameras[0].width", "0 is out of range; allowed [1, 16384]")]
    [InlineData("  - { name: top, type: v4l2, device: video0 }\n", "cameras[0].device", "'video0' is not a device node")]
    [InlineData("  - { name: top, type: v4l2, format: h264 }\n", "cameras[0].format", "'h264' is not one of: yuyv, mjpeg")]
    [InlineData("  - { name: top, type: scene, device: /dev/video0 }\n", "cameras[0].device", "only v4l2 cameras take a device")]
    [InlineData("  - { name: top, type: v4l2, fps: 30 }\n", "cameras[0].fps", "only folder and video cameras take a playback rate")]
    [InlineData("  - { name: top, type: scene, colour: red }\n", "cameras[0].colour", "unknown key 'colour'")]
    [InlineData("  - { name: 'top cam', type: scene }\n", "cameras[0].name", "'top cam' may hold only letters")]
    [InlineData("  - { name: top, type: scene }\n  - { name: top, type: scene }\n", "cameras", "name 'top' is used 2 times")]
    public void Parse_BadCamera_ReportsPathValueAndAllowed(string cameras, string path, string message)
    {
        ConfigException e = Refused(cameras);
        Assert.Contains(e.Errors, x => x.Path == path && x.Message.Contains(message));
        Assert.All(e.Errors, x => Assert.StartsWith("cameras", x.Path));
    }

    [Fact]
    public void Parse_VideoOfUnknownKind_ListsTheExtensions()
    {
        string mp4 = Path.Combine(_folder, "clip.mp4");
        System.IO.File.WriteAllText(mp4, "");
        ConfigException e = Refused($"  - {{ name: top, type: video, path: {mp4} }}\n");
        Assert.Contains(e.Errors, x => x.Path == "cameras[0].path" && x.Message.Contains(".y4m, .avi") && x.Line > 0);
    }
}
