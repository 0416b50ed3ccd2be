namespace Controller.Brain.Hosting;

/// <summary>
/// One camera image, borrowed: 8-bit pixels, row-major, channels interleaved (RGB8 or Gray8), as cameras and
/// video decoders deliver them. A ref struct over the source's buffer, so handing a frame over copies nothing.
/// </summary>
public readonly ref struct CameraFrame
{
    /// <summary>Wraps <paramref name="pixels"/>.</summary>
    /// <exception cref="ArgumentException">When the buffer is smaller than width × height × channels or a size is invalid.</exception>
    public CameraFrame(ReadOnlySpan<byte> pixels, int width, int height, int channels, long timestampNs)
    {
        if (width < 1 || height < 1) throw new ArgumentException($"Frame size must be positive; it is {width}×{height}.", nameof(width));
        if (channels is not (1 or 3)) throw new ArgumentException($"Channels must be 1 (gray) or 3 (RGB); it is {channels}.", nameof(channels));
        if (pixels.Length < (long)width * height * channels)
            throw new ArgumentException($"A {width}×{height}×{channels} frame needs {(long)width * height * channels} bytes; the buffer has {pixels.Length}.", nameof(pixels));
        Pixels = pixels;
        Width = width;
        Height = height;
        Channels = channels;
        TimestampNs = timestampNs;
    }

    /// <summary>The pixels: row y, column x, channel c at (y × Width + x) × Channels + c.</summary>
    public ReadOnlySpan<byte> Pixels { get; }

    /// <summary>Columns.</summary>
    public int Width { get; }

    /// <summary>Rows.</summary>
    public int Height { get; }

    /// <summary>1 (gray) or 3 (RGB).</summary>
    public int Channels { get; }

    /// <summary>Monotonic capture time.</summary>
    public long TimestampNs { get; }
}
