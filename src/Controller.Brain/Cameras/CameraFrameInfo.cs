namespace Controller.Brain.Cameras;

/// <summary>Where a frame came from and when.</summary>
/// <param name="Sequence">Number of the frame among those this source published since it was opened (0, 1, 2 …).</param>
/// <param name="TimestampNs">Monotonic capture time (the driver's stamp for V4L2, the publication time for recordings).</param>
/// <param name="SourceIndex">The frame's own number: file index in a folder, frame index in a video, the driver's sequence for V4L2.</param>
public readonly record struct CameraFrameInfo(long Sequence, long TimestampNs, long SourceIndex);
