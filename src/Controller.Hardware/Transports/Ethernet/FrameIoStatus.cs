namespace Controller.Hardware.Transports.Ethernet;

/// <summary>Outcome of sending or receiving one raw Ethernet frame: a value, never an exception.</summary>
public enum FrameIoStatus
{
    /// <summary>Done.</summary>
    Ok,
    /// <summary>Nothing arrived before the timeout.</summary>
    Timeout,
    /// <summary>The frame was larger than the buffer (the rest was discarded) or than the link allows.</summary>
    Truncated,
    /// <summary>The peer's receive queue was full (virtual NIC) or the kernel had no buffer (ENOBUFS); the frame is lost.</summary>
    QueueFull,
    /// <summary>The operating system reported an error (see the transport's last error number).</summary>
    Error,
    /// <summary>The transport is closed.</summary>
    Closed,
}
