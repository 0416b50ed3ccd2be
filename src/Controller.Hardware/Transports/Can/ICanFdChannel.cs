namespace Controller.Hardware.Transports.Can;

/// <summary>A CAN channel that also carries CAN FD frames (a SocketCAN interface opened with FD frames on).</summary>
public interface ICanFdChannel : ICanChannel
{
    /// <summary>Queues an FD (or, without the FDF flag, classic) frame; false (and counted) when it cannot be queued now.</summary>
    bool TrySendFd(in CanFdFrame frame);

    /// <summary>Takes the oldest received frame, FD or classic; false when none is waiting.</summary>
    bool TryReceiveFd(out CanFdFrame frame);
}
