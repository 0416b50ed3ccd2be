using Controller.Pipeline.Memory;

namespace Controller.Pipeline.Rings;

/// <summary>The single writer of a <see cref="LatestValue{T}"/>. Never waits, allocates or throws.</summary>
public sealed unsafe class LatestValueWriter<T> : IDisposable where T : unmanaged
{
    private readonly LatestValue<T> _mailbox;
    private readonly EndpointLine* _own;
    private readonly T* _value;
    private PaddedCursors _cursors;
    private bool _disposed;

    internal LatestValueWriter(LatestValue<T> mailbox)
    {
        _mailbox = mailbox;
        _own = &mailbox.Header->Producer;
        _value = mailbox.Value;
        // A previous writer that died mid-write left the sequence odd: round up so the next write is clean.
        _cursors.Next = (Volatile.Read(ref _own->Cursor) + 1) & ~1L;
    }

    /// <summary>Replaces the value; readers see the old value or the new one, never a mix.</summary>
    public void Write(in T value)
    {
        Volatile.Write(ref _own->Cursor, _cursors.Next + 1);
        // Full fence: the odd sequence must be visible before any byte of the new value.
        Interlocked.MemoryBarrier();
        *_value = value;
        _cursors.Next += 2;
        Volatile.Write(ref _own->Cursor, _cursors.Next);
    }

    /// <summary>Publishes a heartbeat for <see cref="LatestValue{T}.WriterStatus"/>.</summary>
    public void Heartbeat(long nowNs) => EndpointOwnership.Beat(_own, nowNs);

    /// <summary>Gives the writer back so it can be taken again.</summary>
    public void Dispose()
    {
        if (_disposed || _mailbox.Region.IsDisposed) return;
        _disposed = true;
        EndpointOwnership.Release(_own);
    }
}
