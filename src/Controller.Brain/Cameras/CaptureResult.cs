namespace Controller.Brain.Cameras;

/// <summary>What one capture step of a <see cref="CapturingCameraSource"/> produced.</summary>
public enum CaptureResult
{
    /// <summary>A frame was written and is to be published.</summary>
    Frame,

    /// <summary>Nothing this time (a poll timed out, the source is waiting); try again.</summary>
    None,

    /// <summary>The recording ended and is not looped: the capture thread stops, the last frame stays readable.</summary>
    End,
}
