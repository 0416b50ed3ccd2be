namespace Controller.Brain.Cameras;

/// <summary>How a recording (image folder, video file) is played back as a camera.</summary>
public sealed record PlaybackOptions
{
    /// <summary>Frames per second; null takes the recording's own rate (Y4M/AVI header; 30 for a folder).</summary>
    public double? FramesPerSecond { get; init; }

    /// <summary>True: start again after the last frame; false: stop there (the last frame stays the latest).</summary>
    public bool Loop { get; init; } = true;

    /// <summary>Expected frame size, or null to take the recording's (a mismatch is refused at open).</summary>
    public int? Width { get; init; }

    /// <summary>Expected frame rows, or null.</summary>
    public int? Height { get; init; }

    /// <summary>Throws when a value is out of range.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Naming the value and the allowed range.</exception>
    public void Validate()
    {
        if (FramesPerSecond is { } fps && !(fps > 0 && fps <= 1000))
            throw new ArgumentOutOfRangeException(nameof(FramesPerSecond), fps, $"FramesPerSecond must be in (0, 1000]; it is {fps}.");
        if (Width is { } w && w is < 1 or > 16384)
            throw new ArgumentOutOfRangeException(nameof(Width), w, $"Width must be in [1, 16384]; it is {w}.");
        if (Height is { } h && h is < 1 or > 16384)
            throw new ArgumentOutOfRangeException(nameof(Height), h, $"Height must be in [1, 16384]; it is {h}.");
    }

    /// <summary>Throws <see cref="CameraException"/> when an expected size is set and the recording's differs.</summary>
    internal void CheckSize(string what, int width, int height)
    {
        if ((Width is { } w && w != width) || (Height is { } h && h != height))
            throw new CameraException($"{what} is {width}×{height}; the configuration expects {Width?.ToString() ?? "any"}×{Height?.ToString() ?? "any"} (the source does not resize: the model's manifest does).");
    }
}
