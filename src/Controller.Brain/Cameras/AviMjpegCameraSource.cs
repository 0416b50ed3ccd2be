namespace Controller.Brain.Cameras;

/// <summary>
/// An MJPEG AVI file played as a camera: <see cref="AviMjpegIndex"/> finds the frames at open, each is read and
/// decoded by Skia's JPEG codec in turn, at the stream header's rate (or the option's).
/// </summary>
public sealed class AviMjpegCameraSource : RecordingCameraSource
{
    private readonly SkiaFrameDecoder _jpeg = new();
    private FileStream? _stream;
    private AviMjpegIndex? _index;
    private byte[] _chunk = [];
    private int _next;

    /// <summary>A camera called <paramref name="name"/> playing <paramref name="path"/>.</summary>
    public AviMjpegCameraSource(string name, string path, PlaybackOptions? playback = null) : base(name, playback)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        Path = System.IO.Path.GetFullPath(path);
    }

    /// <summary>The file.</summary>
    public string Path { get; }

    /// <summary>The frame index (after open).</summary>
    public AviMjpegIndex? Index => _index;

    /// <inheritdoc />
    protected override (int Width, int Height, double? FramesPerSecond) OpenRecording()
    {
        _stream = VideoFiles.OpenRead(Name, Path);
        try
        {
            _index = AviMjpegIndex.Read(_stream);
        }
        catch (Exception e) when (e is FrameDecodeException or IOException)
        {
            _stream.Dispose();
            _stream = null;
            throw new CameraException($"Camera '{Name}': '{Path}' is not a usable MJPEG AVI: {e.Message}", e);
        }

        Playback.CheckSize($"Camera '{Name}': '{Path}'", _index.Width, _index.Height);
        _next = 0;
        return (_index.Width, _index.Height, _index.FramesPerSecond);
    }

    /// <inheritdoc />
    protected override bool ReadNextFrame(Span<byte> rgb, out long sourceIndex)
    {
        sourceIndex = _next;
        var frames = _index!.Frames;
        if (_next >= frames.Count) return false;
        AviFrameChunk chunk = frames[_next++];
        if (_chunk.Length < chunk.Length) _chunk = new byte[chunk.Length];
        _stream!.Seek(chunk.Offset, SeekOrigin.Begin);
        _stream.ReadExactly(_chunk, 0, chunk.Length);
        _jpeg.DecodeRgb(_chunk.AsSpan(0, chunk.Length), rgb, Width, Height, $"{System.IO.Path.GetFileName(Path)} frame {sourceIndex}");
        return true;
    }

    /// <inheritdoc />
    protected override void Rewind() => _next = 0;

    /// <inheritdoc />
    protected override void CloseCore()
    {
        _stream?.Dispose();
        _stream = null;
    }
}
