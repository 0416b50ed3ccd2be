namespace Controller.Brain.Cameras;

/// <summary>Opens a video file as a camera, choosing the reader by extension: <c>.y4m</c> (YUV4MPEG2) or <c>.avi</c> (MJPEG in AVI).</summary>
public static class VideoFiles
{
    /// <summary>The extensions understood.</summary>
    public static readonly IReadOnlyList<string> Extensions = [".y4m", ".avi"];

    /// <summary>A camera source for <paramref name="path"/> (not yet opened).</summary>
    /// <exception cref="CameraException">The extension is not one of <see cref="Extensions"/>.</exception>
    public static RecordingCameraSource Create(string name, string path, PlaybackOptions? playback = null) =>
        Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".y4m" => new Y4mCameraSource(name, path, playback),
            ".avi" => new AviMjpegCameraSource(name, path, playback),
            var other => throw new CameraException($"Camera '{name}': video '{path}' has extension '{other}'; read: {string.Join(", ", Extensions)} (Y4M, MJPEG in AVI)."),
        };

    /// <summary>Opens a file for reading, as a <see cref="CameraException"/> naming it when it cannot be.</summary>
    internal static FileStream OpenRead(string name, string path)
    {
        try
        {
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CameraException($"Camera '{name}': video '{path}' cannot be opened: {e.Message}", e);
        }
    }
}
