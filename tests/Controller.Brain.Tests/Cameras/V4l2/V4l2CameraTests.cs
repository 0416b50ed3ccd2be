using System.Runtime.InteropServices;
using Controller.Brain.Cameras;
using Controller.Brain.Cameras.V4l2;

namespace Controller.Brain.Tests.Cameras.V4l2;

/// <summary>
/// The V4L2 path up to the first ioctl: this machine has no camera. Expected values are those of
/// include/uapi/linux/videodev2.h on x86-64 Linux (sizeof / offsetof / the VIDIOC_* macros, printed by a C program).
/// </summary>
public class V4l2CameraTests
{
    [Fact]
    public void Structs_MatchKernelHeaderSizesAndOffsets()
    {
        Assert.Equal(104, Marshal.SizeOf<V4l2Capability>());
        Assert.Equal(208, Marshal.SizeOf<V4l2Format>());
        Assert.Equal(20, Marshal.SizeOf<V4l2RequestBuffers>());
        Assert.Equal(88, Marshal.SizeOf<V4l2Buffer>());
        Assert.Equal(84, (int)Marshal.OffsetOf<V4l2Capability>(nameof(V4l2Capability.Capabilities)));
        Assert.Equal(88, (int)Marshal.OffsetOf<V4l2Capability>(nameof(V4l2Capability.DeviceCaps)));
        Assert.Equal(8, (int)Marshal.OffsetOf<V4l2Format>(nameof(V4l2Format.Width)));
        Assert.Equal(16, (int)Marshal.OffsetOf<V4l2Format>(nameof(V4l2Format.PixelFormat)));
        Assert.Equal(24, (int)Marshal.OffsetOf<V4l2Format>(nameof(V4l2Format.BytesPerLine)));
        Assert.Equal(28, (int)Marshal.OffsetOf<V4l2Format>(nameof(V4l2Format.SizeImage)));
        Assert.Equal(24, (int)Marshal.OffsetOf<V4l2Buffer>(nameof(V4l2Buffer.TimestampSeconds)));
        Assert.Equal(56, (int)Marshal.OffsetOf<V4l2Buffer>(nameof(V4l2Buffer.Sequence)));
        Assert.Equal(60, (int)Marshal.OffsetOf<V4l2Buffer>(nameof(V4l2Buffer.Memory)));
        Assert.Equal(64, (int)Marshal.OffsetOf<V4l2Buffer>(nameof(V4l2Buffer.Offset)));
        Assert.Equal(72, (int)Marshal.OffsetOf<V4l2Buffer>(nameof(V4l2Buffer.Length)));
    }

    [Fact]
    public void IoctlNumbers_MatchKernelHeader()
    {
        Assert.Equal(0x80685600UL, V4l2Native.VidiocQueryCap);
        Assert.Equal(0xC0D05605UL, V4l2Native.VidiocSFmt);
        Assert.Equal(0xC0145608UL, V4l2Native.VidiocReqBufs);
        Assert.Equal(0xC0585609UL, V4l2Native.VidiocQueryBuf);
        Assert.Equal(0xC058560FUL, V4l2Native.VidiocQBuf);
        Assert.Equal(0xC0585611UL, V4l2Native.VidiocDQBuf);
        Assert.Equal(0x40045612UL, V4l2Native.VidiocStreamOn);
        Assert.Equal(0x40045613UL, V4l2Native.VidiocStreamOff);
    }

    [Fact]
    public void FourCc_PixelFormats_MatchKernelHeader()
    {
        Assert.Equal(0x56595559u, V4l2Native.FourCc("YUYV"));
        Assert.Equal(0x47504A4Du, V4l2Native.FourCc("MJPG"));
    }

    [Fact]
    public void Open_NoSuchDevice_SaysSoAndNamesTheModule()
    {
        string device = "/dev/video" + Enumerable.Range(0, 1000).First(i => !File.Exists($"/dev/video{i}"));
        using var camera = new V4l2Camera("top", device);
        var e = Assert.Throws<CameraException>(camera.Open);
        Assert.Contains($"'{device}' does not exist", e.Message);
        Assert.Contains("uvcvideo", e.Message);
        Assert.False(camera.IsOpen);
    }

    [Fact]
    public void Open_NotAV4l2Device_FailsAtQueryCap()
    {
        using var camera = new V4l2Camera("top", "/dev/null");
        var e = Assert.Throws<CameraException>(camera.Open);
        Assert.Contains("is not a V4L2 device (VIDIOC_QUERYCAP failed", e.Message);
    }

    [Fact]
    public void OpenFailure_PermissionDenied_NamesTheVideoGroup() =>
        Assert.Contains("'video' group", V4l2Camera.OpenFailure("top", "/dev/video0", V4l2Native.EAcces));

    [Fact]
    public void Options_OddWidth_AreRefused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new V4l2Camera("top", "/dev/video0", new V4l2CameraOptions { Width = 641 }));
}
