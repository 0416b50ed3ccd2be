using System.Runtime.InteropServices;

namespace Controller.Brain.Cameras.V4l2;

/// <summary>
/// A Video4Linux2 capture device (<c>/dev/videoN</c>: UVC webcams, CSI cameras with a V4L2 driver) through
/// memory-mapped streaming I/O: open → VIDIOC_QUERYCAP (capture + streaming) → VIDIOC_S_FMT (YUYV or MJPEG at the
/// requested size; the driver's adjusted size is adopted) → VIDIOC_REQBUFS / VIDIOC_QUERYBUF / mmap → VIDIOC_QBUF
/// all → VIDIOC_STREAMON; the capture thread polls, VIDIOC_DQBUFs, converts (YUYV → RGB8 by hand, MJPEG by Skia),
/// and VIDIOC_QBUFs the buffer back. Frames carry the driver's monotonic timestamp and sequence. 64-bit Linux only.
/// Not done: frame-rate control (VIDIOC_S_PARM), controls (exposure, focus), multi-planar devices, DMABUF.
/// </summary>
public sealed unsafe class V4l2Camera : CapturingCameraSource
{
    private readonly SkiaFrameDecoder _jpeg = new();
    private int _fd = -1;
    private nint[] _maps = [];
    private nuint[] _lengths = [];
    private int _bytesPerLine;
    private bool _streaming;

    /// <summary>A camera called <paramref name="name"/> on <paramref name="device"/> (e.g. <c>/dev/video0</c>).</summary>
    public V4l2Camera(string name, string device, V4l2CameraOptions? options = null) : base(name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(device);
        Device = device;
        Options = options ?? new V4l2CameraOptions();
        Options.Validate();
    }

    /// <summary>The device node.</summary>
    public string Device { get; }

    /// <summary>What was asked for.</summary>
    public V4l2CameraOptions Options { get; }

    /// <summary>The driver's name for the camera (after open).</summary>
    public string? Card { get; private set; }

    /// <inheritdoc />
    protected override (int Width, int Height) OpenCore()
    {
        if (!OperatingSystem.IsLinux() || !Environment.Is64BitProcess)
            throw new CameraException($"Camera '{Name}': V4L2 capture needs 64-bit Linux; this is {RuntimeInformation.OSDescription} ({RuntimeInformation.ProcessArchitecture}).");
        _fd = V4l2Native.Open(Device, V4l2Native.ORdWr | V4l2Native.ONonBlock | V4l2Native.OCloExec);
        if (_fd < 0) throw new CameraException(OpenFailure(Name, Device, Marshal.GetLastPInvokeError()));
        try
        {
            return Configure();
        }
        catch
        {
            Release();
            throw;
        }
    }

    /// <summary>The message for an open(2) that failed with <paramref name="errno"/>: what it means and what to check.</summary>
    internal static string OpenFailure(string name, string device, int errno) => errno switch
    {
        V4l2Native.ENoEnt or V4l2Native.ENoDev or V4l2Native.ENxIo =>
            $"Camera '{name}': V4L2 device '{device}' does not exist (no such device: {V4l2Native.Describe(errno)}). List cameras with `ls /dev/video*` "
            + "or `v4l2-ctl --list-devices`; a USB webcam needs the uvcvideo kernel module (`lsmod | grep uvcvideo`, `sudo modprobe uvcvideo`), "
            + "a CSI camera its board's driver; check `dmesg` after plugging it in.",
        V4l2Native.EAcces or V4l2Native.EPerm =>
            $"Camera '{name}': permission denied opening '{device}' ({V4l2Native.Describe(errno)}). Add the user to the 'video' group "
            + "(`sudo usermod -aG video $USER`, then log in again) or check the device's udev rule (`ls -l {device}`).",
        V4l2Native.EBusy =>
            $"Camera '{name}': '{device}' is busy ({V4l2Native.Describe(errno)}): another program is capturing from it (`fuser {device}`).",
        _ => $"Camera '{name}': '{device}' cannot be opened: {V4l2Native.Describe(errno)}.",
    };

    private (int Width, int Height) Configure()
    {
        V4l2Capability cap;
        int errno = V4l2Native.IoctlErrno(_fd, V4l2Native.VidiocQueryCap, &cap);
        if (errno != 0)
            throw new CameraException($"Camera '{Name}': '{Device}' is not a V4L2 device (VIDIOC_QUERYCAP failed: {V4l2Native.Describe(errno)}); V4L2 cameras are /dev/videoN.");
        Card = cap.CardName;
        uint caps = cap.NodeCaps;
        if ((caps & V4l2Native.CapVideoCapture) == 0)
            throw new CameraException($"Camera '{Name}': '{Device}' ({Card}) has no single-planar video capture (capabilities 0x{caps:X8}); a UVC camera often has a second node for metadata — try the other /dev/videoN.");
        if ((caps & V4l2Native.CapStreaming) == 0)
            throw new CameraException($"Camera '{Name}': '{Device}' ({Card}) does not support streaming I/O (capabilities 0x{caps:X8}).");

        uint wanted = Options.PixelFormat == V4l2PixelFormat.Yuyv ? V4l2Native.FourCc("YUYV") : V4l2Native.FourCc("MJPG");
        var format = new V4l2Format
        {
            Type = V4l2Native.BufTypeVideoCapture, Width = (uint)Options.Width, Height = (uint)Options.Height, PixelFormat = wanted, Field = V4l2Native.FieldNone,
        };
        errno = V4l2Native.IoctlErrno(_fd, V4l2Native.VidiocSFmt, &format);
        if (errno != 0)
            throw new CameraException($"Camera '{Name}': '{Device}' refused format {Options.PixelFormat} {Options.Width}×{Options.Height} (VIDIOC_S_FMT: {V4l2Native.Describe(errno)}); `v4l2-ctl -d {Device} --list-formats-ext` lists what it offers.");
        if (format.PixelFormat != wanted)
            throw new CameraException($"Camera '{Name}': '{Device}' does not offer {Options.PixelFormat}; it answered '{FourCcText(format.PixelFormat)}'. Choose the other format (yuyv / mjpeg).");
        int width = (int)format.Width, height = (int)format.Height;
        if (width < 2 || height < 1 || (width & 1) != 0 || width > 16384 || height > 16384)
            throw new CameraException($"Camera '{Name}': '{Device}' answered an unusable size {width}×{height}.");
        _bytesPerLine = Math.Max((int)format.BytesPerLine, 2 * width);

        var request = new V4l2RequestBuffers { Count = (uint)Options.BufferCount, Type = V4l2Native.BufTypeVideoCapture, Memory = V4l2Native.MemoryMmap };
        errno = V4l2Native.IoctlErrno(_fd, V4l2Native.VidiocReqBufs, &request);
        if (errno != 0 || request.Count < 2)
            throw new CameraException($"Camera '{Name}': '{Device}' gave {(errno != 0 ? V4l2Native.Describe(errno) : $"{request.Count} buffer(s)")} for VIDIOC_REQBUFS ({Options.BufferCount} memory-mapped asked; at least 2 are needed).");
        _maps = new nint[request.Count];
        _lengths = new nuint[request.Count];
        for (uint i = 0; i < request.Count; i++)
        {
            var buffer = new V4l2Buffer { Index = i, Type = V4l2Native.BufTypeVideoCapture, Memory = V4l2Native.MemoryMmap };
            errno = V4l2Native.IoctlErrno(_fd, V4l2Native.VidiocQueryBuf, &buffer);
            if (errno != 0) throw new CameraException($"Camera '{Name}': VIDIOC_QUERYBUF {i} on '{Device}' failed: {V4l2Native.Describe(errno)}.");
            nint map = V4l2Native.Mmap(0, buffer.Length, V4l2Native.ProtRead | V4l2Native.ProtWrite, V4l2Native.MapShared, _fd, (nint)buffer.Offset);
            if (map == -1) throw new CameraException($"Camera '{Name}': mmap of buffer {i} ({buffer.Length} bytes) on '{Device}' failed: {V4l2Native.Describe(Marshal.GetLastPInvokeError())}.");
            _maps[i] = map;
            _lengths[i] = buffer.Length;
            errno = V4l2Native.IoctlErrno(_fd, V4l2Native.VidiocQBuf, &buffer);
            if (errno != 0) throw new CameraException($"Camera '{Name}': VIDIOC_QBUF {i} on '{Device}' failed: {V4l2Native.Describe(errno)}.");
        }

        int type = (int)V4l2Native.BufTypeVideoCapture;
        errno = V4l2Native.IoctlErrno(_fd, V4l2Native.VidiocStreamOn, &type);
        if (errno != 0) throw new CameraException($"Camera '{Name}': VIDIOC_STREAMON on '{Device}' failed: {V4l2Native.Describe(errno)}.");
        _streaming = true;
        return (width, height);
    }

    /// <inheritdoc />
    protected override CaptureResult CaptureNext(Span<byte> rgb, out long timestampNs, out long sourceIndex)
    {
        timestampNs = 0;
        sourceIndex = 0;
        var poll = new V4l2Native.PollFd { Fd = _fd, Events = V4l2Native.PollIn };
        int ready = V4l2Native.Poll(&poll, 1, 200);
        if (ready == 0) return CaptureResult.None;
        if (ready < 0)
        {
            int e = Marshal.GetLastPInvokeError();
            if (e == V4l2Native.EIntr) return CaptureResult.None;
            throw new CameraException($"Camera '{Name}': poll on '{Device}' failed: {V4l2Native.Describe(e)}.");
        }

        var buffer = new V4l2Buffer { Type = V4l2Native.BufTypeVideoCapture, Memory = V4l2Native.MemoryMmap };
        int errno = V4l2Native.IoctlErrno(_fd, V4l2Native.VidiocDQBuf, &buffer);
        if (errno == V4l2Native.EAgain) return CaptureResult.None;
        if (errno != 0) throw new CameraException($"Camera '{Name}': VIDIOC_DQBUF on '{Device}' failed: {V4l2Native.Describe(errno)} (unplugged?).");
        try
        {
            if (buffer.Index >= _maps.Length) throw new CameraException($"Camera '{Name}': the driver returned buffer {buffer.Index} of {_maps.Length}.");
            // A few drivers leave bytesused at 0 for fixed-size formats; the whole buffer is the frame then.
            uint bytesUsed = buffer.BytesUsed == 0 && Options.PixelFormat == V4l2PixelFormat.Yuyv ? (uint)_lengths[buffer.Index] : buffer.BytesUsed;
            int used = (int)Math.Min(bytesUsed, (uint)_lengths[buffer.Index]);
            var data = new ReadOnlySpan<byte>((void*)_maps[buffer.Index], used);
            if (Options.PixelFormat == V4l2PixelFormat.Yuyv) YuvConversion.YuyvToRgb(data, Width, Height, _bytesPerLine, rgb);
            else _jpeg.DecodeRgb(data, rgb, Width, Height, $"{Device} frame {buffer.Sequence}");
            sourceIndex = buffer.Sequence;
            if ((buffer.Flags & V4l2Native.BufFlagTimestampMask) == V4l2Native.BufFlagTimestampMonotonic)
                timestampNs = buffer.TimestampSeconds * 1_000_000_000 + buffer.TimestampMicroseconds * 1000;
            return CaptureResult.Frame;
        }
        finally
        {
            V4l2Native.IoctlErrno(_fd, V4l2Native.VidiocQBuf, &buffer);
        }
    }

    /// <inheritdoc />
    protected override void CloseCore() => Release();

    private void Release()
    {
        if (_fd < 0) return;
        if (_streaming)
        {
            int type = (int)V4l2Native.BufTypeVideoCapture;
            V4l2Native.IoctlErrno(_fd, V4l2Native.VidiocStreamOff, &type);
            _streaming = false;
        }

        for (int i = 0; i < _maps.Length; i++)
        {
            if (_maps[i] != 0) V4l2Native.Munmap(_maps[i], _lengths[i]);
        }

        _maps = [];
        _lengths = [];
        V4l2Native.Close(_fd);
        _fd = -1;
    }

    private static string FourCcText(uint code) => new([(char)(code & 0xFF), (char)((code >> 8) & 0xFF), (char)((code >> 16) & 0xFF), (char)(code >> 24)]);
}
