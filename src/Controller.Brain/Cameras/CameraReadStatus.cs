namespace Controller.Brain.Cameras;

/// <summary>What <see cref="ICameraSource.ReadLatest"/> delivered.</summary>
public enum CameraReadStatus
{
    /// <summary>A frame newer than the previous read was copied.</summary>
    Fresh,

    /// <summary>No newer frame arrived since the previous read: the same frame was copied again.</summary>
    Repeated,

    /// <summary>The source is open but has not captured its first frame yet; nothing was copied.</summary>
    NoFrameYet,

    /// <summary>The source was never opened (or was opened and produced nothing); nothing was copied.</summary>
    NotOpen,

    /// <summary>The buffer is shorter than <see cref="ICameraSource.FrameBytes"/>; nothing was copied.</summary>
    BufferTooSmall,
}
