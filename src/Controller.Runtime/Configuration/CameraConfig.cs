namespace Controller.Runtime.Configuration;

/// <summary>
/// One camera (<c>cameras[]</c>). The name is the camera of the model feature it feeds: <c>top</c> feeds
/// <c>observation.images.top</c>.
/// </summary>
/// <param name="Name">Camera name, unique.</param>
/// <param name="Type"><c>scene</c> (the simulated top-down camera), <c>folder</c> (an image folder), <c>video</c> (Y4M or MJPEG AVI) or <c>v4l2</c>.</param>
/// <param name="Path">Full path of the folder or video file (folder, video), else null.</param>
/// <param name="Device">The V4L2 device node (v4l2), else null.</param>
/// <param name="Width">Frame columns: requested of a V4L2 device (default 640), expected of a recording (null: any), rendered by the scene camera (default 64).</param>
/// <param name="Height">Frame rows, as <paramref name="Width"/> (V4L2 default 480).</param>
/// <param name="FramesPerSecond">Playback rate of a recording (null: its own); not used by scene and v4l2.</param>
/// <param name="Loop">Whether a recording starts again after its last frame.</param>
/// <param name="Format">V4L2 pixel format, <c>yuyv</c> or <c>mjpeg</c>; null for the other types.</param>
public sealed record CameraConfig(string Name, string Type, string? Path, string? Device, int? Width, int? Height, double? FramesPerSecond, bool Loop, string? Format);
