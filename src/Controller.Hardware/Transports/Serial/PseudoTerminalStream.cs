namespace Controller.Hardware.Transports.Serial;

/// <summary>
/// The master (far) end of a <see cref="PseudoTerminal"/> as a blocking <see cref="Stream"/>, for twins written
/// against streams (the SLCAN adapter twin): <see cref="Read(byte[], int, int)"/> waits until bytes arrive and returns
/// 0 only once the stream is disposed, as a serial device's end of the cable would.
/// </summary>
/// <remarks>Owns the pseudo-terminal: disposing the stream closes both sides. One reader and one writer thread.</remarks>
public sealed class PseudoTerminalStream : Stream
{
    private const int PollSliceMs = 20;
    private readonly PseudoTerminal _pty;
    private volatile bool _disposed;

    /// <summary>Wraps <paramref name="pty"/> (owned).</summary>
    public PseudoTerminalStream(PseudoTerminal pty) => _pty = pty ?? throw new ArgumentNullException(nameof(pty));

    /// <summary>Creates a new pseudo-terminal and wraps it.</summary>
    /// <exception cref="IOException">No pseudo-terminal could be created (see <see cref="PseudoTerminal.Open"/>).</exception>
    public static PseudoTerminalStream OpenNew() => new(PseudoTerminal.Open());

    /// <summary>The device a program opens as its serial port (<c>/dev/pts/N</c>).</summary>
    public string SecondaryPath => _pty.SecondaryPath;

    /// <inheritdoc />
    public override bool CanRead => !_disposed;

    /// <inheritdoc />
    public override bool CanWrite => !_disposed;

    /// <inheritdoc />
    public override bool CanSeek => false;

    /// <inheritdoc />
    public override long Length => throw new NotSupportedException("a pseudo-terminal has no length.");

    /// <inheritdoc />
    public override long Position
    {
        get => throw new NotSupportedException("a pseudo-terminal has no position.");
        set => throw new NotSupportedException("a pseudo-terminal has no position.");
    }

    /// <inheritdoc />
    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    /// <inheritdoc />
    public override int Read(Span<byte> buffer)
    {
        if (buffer.IsEmpty) return 0;
        // Short poll slices so that Dispose is noticed without closing the descriptor under a waiting poll.
        while (!_disposed)
        {
            int n = _pty.ReadMaster(buffer, PollSliceMs);
            if (n > 0) return n;
        }
        return 0;
    }

    /// <inheritdoc />
    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    /// <summary>
    /// Sends bytes to the program on the secondary side, waiting while its queue is full (a USB CDC adapter is flow
    /// controlled the same way: it never drops what the host is slow to read).
    /// </summary>
    /// <exception cref="ObjectDisposedException">The stream was disposed.</exception>
    public override void Write(ReadOnlySpan<byte> buffer)
    {
        while (!buffer.IsEmpty)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            buffer = buffer[_pty.WriteMasterSome(buffer, PollSliceMs)..];
        }
    }

    /// <inheritdoc />
    public override void Flush()
    {
    }

    /// <inheritdoc />
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException("a pseudo-terminal cannot seek.");

    /// <inheritdoc />
    public override void SetLength(long value) => throw new NotSupportedException("a pseudo-terminal has no length.");

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (!_disposed)
        {
            _disposed = true;
            if (disposing) _pty.Dispose();
        }
        base.Dispose(disposing);
    }
}
