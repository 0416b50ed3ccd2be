namespace Controller.Hardware.Transports.Ethernet;

/// <summary>
/// Sends and receives whole Ethernet frames (destination MAC to payload, no FCS). The cyclic path calls
/// <see cref="Send"/> and <see cref="TryReceive"/> with preallocated buffers: implementations must not
/// allocate, lock or throw there. One sending and one receiving thread at a time.
/// </summary>
public interface IRawFrameTransport : IDisposable
{
    /// <summary>Sends one frame.</summary>
    FrameIoStatus Send(ReadOnlySpan<byte> frame);

    /// <summary>Waits up to <paramref name="timeoutNs"/> for one frame and copies it into <paramref name="buffer"/>.</summary>
    /// <param name="buffer">At least 1514 bytes to avoid truncation.</param>
    /// <param name="timeoutNs">0 polls without waiting.</param>
    /// <param name="length">Bytes received (the part that fitted when truncated).</param>
    FrameIoStatus TryReceive(Span<byte> buffer, long timeoutNs, out int length);
}
