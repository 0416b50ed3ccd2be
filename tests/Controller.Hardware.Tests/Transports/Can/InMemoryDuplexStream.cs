namespace Controller.Hardware.Tests.Transports.Can;

/// <summary>
/// Two connected in-memory stream ends, like the two sides of a serial cable or a pseudo-terminal: what one end
/// writes, the other reads. Reads block until bytes arrive or either end is disposed (then they return 0).
/// </summary>
internal sealed class InMemoryDuplexStream : Stream
{
    private readonly Pipe _incoming;
    private readonly Pipe _outgoing;

    private InMemoryDuplexStream(Pipe incoming, Pipe outgoing)
    {
        _incoming = incoming;
        _outgoing = outgoing;
    }

    public static (InMemoryDuplexStream Host, InMemoryDuplexStream Device) CreatePair()
    {
        var toDevice = new Pipe();
        var toHost = new Pipe();
        return (new InMemoryDuplexStream(toHost, toDevice), new InMemoryDuplexStream(toDevice, toHost));
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => _incoming.Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer) => _incoming.Read(buffer);

    public override void Write(byte[] buffer, int offset, int count) => _outgoing.Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer) => _outgoing.Write(buffer);

    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        _incoming.Complete();
        _outgoing.Complete();
        base.Dispose(disposing);
    }

    private sealed class Pipe
    {
        private readonly Queue<byte> _bytes = new();
        private bool _completed;

        public int Read(Span<byte> destination)
        {
            lock (_bytes)
            {
                while (_bytes.Count == 0 && !_completed) Monitor.Wait(_bytes);
                int n = 0;
                while (n < destination.Length && _bytes.Count > 0) destination[n++] = _bytes.Dequeue();
                return n;
            }
        }

        public void Write(ReadOnlySpan<byte> source)
        {
            lock (_bytes)
            {
                if (_completed) throw new IOException("the other end of the in-memory stream is closed.");
                foreach (byte b in source) _bytes.Enqueue(b);
                Monitor.PulseAll(_bytes);
            }
        }

        public void Complete()
        {
            lock (_bytes)
            {
                _completed = true;
                Monitor.PulseAll(_bytes);
            }
        }
    }
}
