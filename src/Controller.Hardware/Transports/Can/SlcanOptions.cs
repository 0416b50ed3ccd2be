using Controller.Hardware.Protocols.Slcan;

namespace Controller.Hardware.Transports.Can;

/// <summary>How a <see cref="SlcanChannel"/> talks to its adapter.</summary>
public sealed record SlcanOptions
{
    /// <summary>The adapter's firmware family: decides what <c>S7</c> means and whether <c>Z1</c> exists.</summary>
    public SlcanDialect Dialect { get; init; } = SlcanDialect.Canable;

    /// <summary>How long a command (open, close, bit rate, version) waits for the adapter's CR or BEL.</summary>
    public int CommandTimeoutMs { get; init; } = 1000;

    /// <summary>
    /// Ask the adapter for its millisecond timestamps (<c>Z1</c>) and stamp frames with them, unwrapped into a
    /// continuous count (in the adapter's clock domain, ns since the channel opened). Off: frames are stamped with
    /// the channel's monotonic clock when their line is decoded.
    /// </summary>
    public bool AdapterTimestamps { get; init; }

    /// <summary>Where the adapter's timestamp wraps: 60000 ms on Lawicel adapters.</summary>
    public int TimestampWrapMs { get; init; } = 60_000;

    /// <summary>Open listen-only (<c>L</c>) instead of normal (<c>O</c>): the adapter never acknowledges or sends.</summary>
    public bool ListenOnly { get; init; }

    /// <summary>
    /// CAN FD data-phase bit rate set with <c>Yn</c> at <see cref="SlcanChannel.Open"/> (1, 2, 4 or 5 Mbit/s on
    /// <see cref="SlcanDialect.CanableFd"/>); 0 (the default) sends no <c>Yn</c> and leaves the adapter's default (2 Mbit/s).
    /// </summary>
    public int DataBitsPerSecond { get; init; }

    /// <summary>Received frames buffered for <see cref="SlcanChannel.TryReceive"/> (a power of two).</summary>
    public int ReceiveCapacity { get; init; } = 1024;
}
