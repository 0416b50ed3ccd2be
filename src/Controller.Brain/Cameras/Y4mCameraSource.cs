namespace Controller.Brain.Cameras;

/// <summary>A Y4M (YUV4MPEG2) file played as a camera at its header's rate (or the option's), via <see cref="Y4mReader"/>.</summary>
public sealed class Y4mCameraSource : RecordingCameraSource
{
    private Y4mReader? _reader;

    /// <summary>A camera called <paramref name="name"/> playing <paramref name="path"/>.</summary>
    public Y4mCameraSource(string name, string path, PlaybackOptions? playback = null) : base(name, playback)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        Path = System.IO.Path.GetFullPath(path);
    }

    /// <summary>The file.</summary>
    public string Path { get; }

    /// <summary>The stream header (after open).</summary>
    public Y4mHeader? Header => _reader?.Header;

    /// <inheritdoc />
    protected override (int Width, int Height, double? FramesPerSecond) OpenRecording()
    {
        FileStream stream = VideoFiles.OpenRead(Name, Path);
        try
        {
            _reader = new Y4mReader(new BufferedStream(stream, 1 << 16), ownsStream: true);
        }
        catch (FrameDecodeException e)
        {
            stream.Dispose();
            throw new CameraException($"Camera '{Name}': '{Path}' is not a usable Y4M file: {e.Message}", e);
        }

        Y4mHeader h = _reader.Header;
        Playback.CheckSize($"Camera '{Name}': '{Path}'", h.Width, h.Height);
        return (h.Width, h.Height, h.FramesPerSecond);
    }

    /// <inheritdoc />
    protected override bool ReadNextFrame(Span<byte> rgb, out long sourceIndex)
    {
        sourceIndex = _reader!.FrameIndex;
        return _reader.ReadFrame(rgb);
    }

    /// <inheritdoc />
    protected override void Rewind() => _reader!.Rewind();

    /// <inheritdoc />
    protected override void CloseCore()
    {
        _reader?.Dispose();
        _reader = null;
    }
}
