namespace Controller.Hardware.Transports.Can;

/// <summary>
/// Counters of one <see cref="ICanChannel"/>. The channel increments them (any thread); readers see each value
/// atomically, not a consistent snapshot of all of them.
/// </summary>
public sealed class CanChannelCounters
{
    private long _framesSent;
    private long _framesReceived;
    private long _sendRejected;
    private long _receiveOverruns;
    private long _errorFrames;
    private long _busOffEvents;
    private long _malformedInput;

    /// <summary>Frames accepted for transmission.</summary>
    public long FramesSent => Volatile.Read(ref _framesSent);

    /// <summary>Frames (data, remote and error frames) handed to <see cref="ICanChannel.TryReceive"/>'s queue.</summary>
    public long FramesReceived => Volatile.Read(ref _framesReceived);

    /// <summary>Sends refused: queue full, bus-off, or the channel closed.</summary>
    public long SendRejected => Volatile.Read(ref _sendRejected);

    /// <summary>Received frames lost because the receive queue was full.</summary>
    public long ReceiveOverruns => Volatile.Read(ref _receiveOverruns);

    /// <summary>Error frames seen.</summary>
    public long ErrorFrames => Volatile.Read(ref _errorFrames);

    /// <summary>Times the controller went bus-off.</summary>
    public long BusOffEvents => Volatile.Read(ref _busOffEvents);

    /// <summary>Input the transport could not decode (SLCAN lines, short socket reads).</summary>
    public long MalformedInput => Volatile.Read(ref _malformedInput);

    internal void Sent() => Interlocked.Increment(ref _framesSent);
    internal void Received() => Interlocked.Increment(ref _framesReceived);
    internal void Rejected() => Interlocked.Increment(ref _sendRejected);
    internal void Overrun() => Interlocked.Increment(ref _receiveOverruns);
    internal void ErrorFrame() => Interlocked.Increment(ref _errorFrames);
    internal void BusOff() => Interlocked.Increment(ref _busOffEvents);
    internal void Malformed() => Interlocked.Increment(ref _malformedInput);

    /// <inheritdoc />
    public override string ToString() =>
        $"sent {FramesSent}, received {FramesReceived}, rejected {SendRejected}, overruns {ReceiveOverruns}, " +
        $"error frames {ErrorFrames}, bus-off {BusOffEvents}, malformed {MalformedInput}";
}
