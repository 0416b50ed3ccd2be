namespace Controller.Hardware.Transports.Serial;

/// <summary>
/// A byte link to a half-duplex serial bus, as a driver's cycle uses it: discard stale input, send a request, read
/// the reply against a deadline. Every member runs on the loop thread without allocating or throwing.
/// </summary>
public interface ISerialLink
{
    /// <summary>Line speed (bits per second); with 10 bits per byte it gives the wire time of a transaction.</summary>
    int BaudRate { get; }

    /// <summary>Drops every received byte not read yet (resynchronises after a timeout or garbage).</summary>
    void DiscardInput();

    /// <summary>Sends all of <paramref name="data"/>; false when the line would not take it before <paramref name="deadlineTimestamp"/> (<see cref="System.Diagnostics.Stopwatch"/> ticks) or is closed.</summary>
    bool Write(ReadOnlySpan<byte> data, long deadlineTimestamp);

    /// <summary>Reads what has arrived, waiting until <paramref name="deadlineTimestamp"/> for at least one byte. Returns the count, 0 at the deadline or when closed.</summary>
    int Read(Span<byte> buffer, long deadlineTimestamp);
}
