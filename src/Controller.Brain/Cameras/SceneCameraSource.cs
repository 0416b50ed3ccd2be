using Controller.Brain.Perception;
using Controller.Pipeline.Time;

namespace Controller.Brain.Cameras;

/// <summary>
/// The simulated scene's <see cref="TopDownCamera"/> as a camera source: each <see cref="ReadLatest"/> asks
/// <c>readScene</c> for the boxes as they are now and renders them straight into the caller's buffer, so every read
/// is a fresh frame, none is dropped and none fails. Allocation-free once the scene's size has been seen (as
/// <see cref="TopDownCamera.Render"/>). Not thread-safe: one reader.
/// </summary>
public sealed class SceneCameraSource : ICameraSource
{
    private readonly Action<List<SceneBox>> _readScene;
    private readonly List<SceneBox> _boxes = [];
    private long _rendered;

    /// <summary>A camera called <paramref name="name"/> rendering what <paramref name="readScene"/> adds to the list it is given.</summary>
    public SceneCameraSource(string name, TopDownCamera camera, Action<List<SceneBox>> readScene)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(camera);
        ArgumentNullException.ThrowIfNull(readScene);
        Name = name;
        Camera = camera;
        _readScene = readScene;
    }

    /// <summary>The renderer.</summary>
    public TopDownCamera Camera { get; }

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    public int Width => Camera.Width;

    /// <inheritdoc />
    public int Height => Camera.Height;

    /// <inheritdoc />
    public bool IsOpen { get; private set; }

    /// <inheritdoc />
    public long FramesCaptured => _rendered;

    /// <inheritdoc />
    public long FramesDropped => 0;

    /// <inheritdoc />
    public long FramesFailed => 0;

    /// <inheritdoc />
    public string? LastError => null;

    /// <inheritdoc />
    public void Open() => IsOpen = true;

    /// <inheritdoc />
    public void Close() => IsOpen = false;

    /// <inheritdoc />
    public CameraReadStatus ReadLatest(Span<byte> rgb, out CameraFrameInfo info)
    {
        info = default;
        if (!IsOpen) return CameraReadStatus.NotOpen;
        if (rgb.Length < Camera.FrameBytes) return CameraReadStatus.BufferTooSmall;
        _boxes.Clear();
        _readScene(_boxes);
        long now = MonotonicClock.Now();
        Camera.Render(_boxes, rgb, now);
        info = new CameraFrameInfo(_rendered, now, _rendered);
        _rendered++;
        return CameraReadStatus.Fresh;
    }

    /// <inheritdoc />
    public void Dispose() => Close();
}
