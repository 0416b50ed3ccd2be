namespace Controller.Hardware.Protocols.CanOpen;

/// <summary>Where an <see cref="SdoClient"/> transfer stands.</summary>
public enum SdoClientState
{
    /// <summary>No transfer started.</summary>
    Idle,

    /// <summary>Download initiated; waiting for the server's initiate response.</summary>
    AwaitingDownloadInitiate,

    /// <summary>A download segment sent; waiting for its response.</summary>
    AwaitingDownloadSegment,

    /// <summary>Upload initiated; waiting for the server's initiate response.</summary>
    AwaitingUploadInitiate,

    /// <summary>An upload segment requested; waiting for it.</summary>
    AwaitingUploadSegment,

    /// <summary>Finished successfully.</summary>
    Completed,

    /// <summary>Aborted by either side; see <see cref="SdoClient.AbortCode"/>.</summary>
    Aborted,
}
