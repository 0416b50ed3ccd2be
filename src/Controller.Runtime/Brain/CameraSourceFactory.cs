using Controller.Brain.Cameras;
using Controller.Brain.Cameras.V4l2;
using Controller.Runtime.Configuration;

namespace Controller.Runtime.Brain;

/// <summary>Builds the camera source a <see cref="CameraConfig"/> describes.</summary>
public static class CameraSourceFactory
{
    private const string ImagePrefix = "observation.images.";

    /// <summary>
    /// The source for <paramref name="camera"/>, not yet opened; null for <c>scene</c> (the brain renders the simulated
    /// scene itself, as it always has).
    /// </summary>
    /// <exception cref="CameraException">The configuration names something no source reads.</exception>
    public static ICameraSource? Create(CameraConfig camera)
    {
        ArgumentNullException.ThrowIfNull(camera);
        var playback = new PlaybackOptions { FramesPerSecond = camera.FramesPerSecond, Loop = camera.Loop, Width = camera.Width, Height = camera.Height };
        return camera.Type switch
        {
            "scene" => null,
            "folder" => new FolderCameraSource(camera.Name, camera.Path!, playback),
            "video" => VideoFiles.Create(camera.Name, camera.Path!, playback),
            "v4l2" => new V4l2Camera(camera.Name, camera.Device ?? "/dev/video0", new V4l2CameraOptions
            {
                Width = camera.Width ?? 640,
                Height = camera.Height ?? 480,
                PixelFormat = camera.Format == "mjpeg" ? V4l2PixelFormat.Mjpeg : V4l2PixelFormat.Yuyv,
            }),
            _ => throw new CameraException($"Camera '{camera.Name}': type '{camera.Type}' is not one of scene, folder, video, v4l2."),
        };
    }

    /// <summary>
    /// Opens the source of the camera that feeds <paramref name="feature"/> (<c>observation.images.top</c> → the camera
    /// named <c>top</c>), or returns null when none is configured or it is the scene camera.
    /// </summary>
    /// <exception cref="InvalidOperationException">The camera cannot be opened (the message says which and why).</exception>
    public static ICameraSource? OpenFor(IReadOnlyList<CameraConfig> cameras, string feature)
    {
        string name = feature.StartsWith(ImagePrefix, StringComparison.Ordinal) ? feature[ImagePrefix.Length..] : feature;
        CameraConfig? camera = cameras.FirstOrDefault(c => c.Name == name);
        if (camera is null) return null;
        ICameraSource? source = null;
        try
        {
            source = Create(camera);
            source?.Open();
            return source;
        }
        catch (CameraException e)
        {
            source?.Dispose();
            throw new InvalidOperationException($"the camera for {feature}: {e.Message}", e);
        }
    }
}
