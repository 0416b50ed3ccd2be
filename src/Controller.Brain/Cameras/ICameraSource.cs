namespace Controller.Brain.Cameras;

/// <summary>
/// A source of RGB8 camera frames for the brain: a real camera (V4L2), a recording (image folder, Y4M, MJPEG AVI)
/// or the simulated scene. <see cref="Open"/> brings it up (throws <see cref="CameraException"/> naming what is
/// missing); <see cref="ReadLatest"/> copies the newest frame into the caller's preallocated buffer without
/// allocating, locking or throwing, so the brain thread can call it every step. Frames that were captured but
/// overwritten before anyone read them, and frames that could not be captured or decoded, are counted, never thrown.
/// </summary>
public interface ICameraSource : IDisposable
{
    /// <summary>The camera's name (<c>top</c> feeds <c>observation.images.top</c>).</summary>
    string Name { get; }

    /// <summary>Columns of every frame; final once <see cref="Open"/> returned (a V4L2 driver may adjust the request).</summary>
    int Width { get; }

    /// <summary>Rows of every frame; final once <see cref="Open"/> returned.</summary>
    int Height { get; }

    /// <summary>Bytes of one RGB8 frame: <see cref="Width"/> × <see cref="Height"/> × 3.</summary>
    int FrameBytes => Width * Height * 3;

    /// <summary>True between <see cref="Open"/> and <see cref="Close"/>.</summary>
    bool IsOpen { get; }

    /// <summary>Frames the source has published so far.</summary>
    long FramesCaptured { get; }

    /// <summary>Frames published but replaced by a newer one before any <see cref="ReadLatest"/> took them.</summary>
    long FramesDropped { get; }

    /// <summary>Frames that could not be captured or decoded (skipped; <see cref="LastError"/> says why).</summary>
    long FramesFailed { get; }

    /// <summary>Why the last frame failed, or null.</summary>
    string? LastError { get; }

    /// <summary>Opens the device or file and starts capturing.</summary>
    /// <exception cref="CameraException">The device, folder or file cannot be used; the message names it and why.</exception>
    void Open();

    /// <summary>Stops capturing and releases the device or file; the last frame stays readable until reopened.</summary>
    void Close();

    /// <summary>
    /// Copies the newest frame (RGB8, row-major, <see cref="FrameBytes"/> long) into <paramref name="rgb"/>.
    /// Allocation-free; never throws.
    /// </summary>
    CameraReadStatus ReadLatest(Span<byte> rgb, out CameraFrameInfo info);
}
