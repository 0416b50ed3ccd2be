using System.Diagnostics;

namespace Controller.Hardware.Transports.Serial;

/// <summary>
/// A <see cref="SerialTransport"/> as a blocking <see cref="Stream"/>, for protocol channels that run their own reader
/// thread (SLCAN): reads wait until bytes arrive, writes go straight to the tty's descriptor. Unlike
/// <c>SerialPort.BaseStream</c> it allocates nothing per call and adds no I/O-loop hand-off (see the folder README).
/// </summary>
/// <remarks>
/// Owns the transport. <see cref="Read(Span{byte})"/> returns 0 only after <see cref="Stream.Dispose()"/>; dispose
/// waits for a read or write in progress (at most one poll slice) before closing the descriptor, so a reader thread
/// never polls a closed or reused descriptor.
/// </remarks>
public sealed class SerialTransportStream : Stream
{
    private static readonly long PollSliceTicks = Stopwatch.Frequency / 50; // 20 ms
    private const int HangUpEarlyReturns = 10;
    private readonly SerialTransport _transport;
    private readonly long _writeTimeoutTicks;
    private int _users;
    private volatile bool _disposed;

    /// <summary>Wraps <paramref name="transport"/> (owned).</summary>
    /// <param name="transport">An open serial port.</param>
    /// <param name="writeTimeoutMs">How long a write may wait for room in the driver's queue before it throws <see cref="IOException"/>.</param>
    public SerialTransportStream(SerialTransport transport, int writeTimeoutMs = 100)
    {
        _transport = transport ?? throw new ArgumentNullException(nameof(transport));
        if (writeTimeoutMs <= 0) throw new ArgumentOutOfRangeException(nameof(writeTimeoutMs), writeTimeoutMs, "writeTimeoutMs must be > 0.");
        _writeTimeoutTicks = writeTimeoutMs * Stopwatch.Frequency / 1000;
    }

    /// <summary>The device path (e.g. <c>/dev/ttyACM0</c>).</summary>
    public string PortName => _transport.PortName;

    /// <inheritdoc />
    public override bool CanRead => !_disposed;

    /// <inheritdoc />
    public override bool CanWrite => !_disposed;

    /// <inheritdoc />
    public override bool CanSeek => false;

    /// <inheritdoc />
    public override long Length => throw new NotSupportedException("a serial port has no length.");

    /// <inheritdoc />
    public override long Position
    {
        get => throw new NotSupportedException("a serial port has no position.");
        set => throw new NotSupportedException("a serial port has no position.");
    }

    /// <inheritdoc />
    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    /// <inheritdoc />
    public override int Read(Span<byte> buffer)
    {
        if (buffer.IsEmpty || !Enter()) return 0;
        try
        {
            int earlyReturns = 0;
            while (!_disposed)
            {
                long deadline = Stopwatch.GetTimestamp() + PollSliceTicks;
                int n = _transport.Read(buffer, deadline);
                if (n > 0) return n;
                // Nothing, long before the deadline: a hang-up (USB adapter unplugged, pty closed) or a signal.
                // Signals (the runtime's own) are rare and isolated; a hang-up repeats at once: end of stream.
                if (Stopwatch.GetTimestamp() < deadline - PollSliceTicks / 2)
                {
                    if (++earlyReturns >= HangUpEarlyReturns) return 0;
                    Thread.Sleep(1);
                }
                else
                {
                    earlyReturns = 0;
                }
            }
            return 0;
        }
        finally
        {
            Exit();
        }
    }

    /// <inheritdoc />
    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    /// <summary>Writes all of <paramref name="buffer"/>.</summary>
    /// <exception cref="IOException">The line would not take the bytes within the write timeout.</exception>
    /// <exception cref="ObjectDisposedException">The stream was disposed.</exception>
    public override void Write(ReadOnlySpan<byte> buffer)
    {
        if (!Enter()) throw new ObjectDisposedException(nameof(SerialTransportStream));
        try
        {
            if (!_transport.Write(buffer, Stopwatch.GetTimestamp() + _writeTimeoutTicks))
                throw new IOException($"serial port '{_transport.PortName}' did not take {buffer.Length} bytes within the write timeout.");
        }
        finally
        {
            Exit();
        }
    }

    /// <inheritdoc />
    public override void Flush()
    {
    }

    /// <inheritdoc />
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException("a serial port cannot seek.");

    /// <inheritdoc />
    public override void SetLength(long value) => throw new NotSupportedException("a serial port has no length.");

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (!_disposed)
        {
            _disposed = true;
            if (disposing)
            {
                var spin = new SpinWait();
                while (Volatile.Read(ref _users) != 0) spin.SpinOnce();
                _transport.Dispose();
            }
        }
        base.Dispose(disposing);
    }

    private bool Enter()
    {
        Interlocked.Increment(ref _users);
        if (!_disposed) return true;
        Interlocked.Decrement(ref _users);
        return false;
    }

    private void Exit() => Interlocked.Decrement(ref _users);
}
