namespace Controller.Hardware.Protocols.CanOpen;

/// <summary>What one step of an <see cref="SdoClient"/> transfer produced.</summary>
public enum SdoProgress
{
    /// <summary>The frame was not for this transfer (or nothing is due); nothing to send.</summary>
    Ignored,

    /// <summary>The transfer goes on: send the frame returned.</summary>
    SendNext,

    /// <summary>The transfer finished successfully.</summary>
    Completed,

    /// <summary>The server aborted; <see cref="SdoClient.AbortCode"/> says why. Nothing to send.</summary>
    ServerAborted,

    /// <summary>This client aborted (timeout, protocol error): send the abort frame returned.</summary>
    ClientAborted,
}
