namespace Controller.Hardware.Transports.Can;

/// <summary>How a <see cref="SocketCanChannel"/> is opened.</summary>
public sealed record SocketCanOptions
{
    /// <summary>
    /// Stamp received frames with the kernel's SO_TIMESTAMPNS time (CLOCK_REALTIME, ns since the Unix epoch)
    /// instead of the channel's monotonic clock at the moment of <see cref="SocketCanChannel.TryReceive"/>.
    /// </summary>
    public bool KernelTimestamps { get; init; }

    /// <summary>Receive error frames (CAN_RAW_ERR_FILTER for every class); needed to see bus-off. On by default.</summary>
    public bool ReceiveErrorFrames { get; init; } = true;

    /// <summary>
    /// Carry CAN FD frames (setsockopt CAN_RAW_FD_FRAMES): <see cref="SocketCanChannel.TrySendFd"/> and
    /// <see cref="SocketCanChannel.TryReceiveFd"/> then move 72-byte <c>canfd_frame</c>s (CANFD_MTU). Off by default.
    /// </summary>
    public bool FlexibleDataRate { get; init; }
}
