using System.Runtime.CompilerServices;
using Controller.Pipeline.Memory;

namespace Controller.Pipeline.Rings;

/// <summary>
/// The reading end of an <see cref="SpscRing{T}"/>. Use it from one thread at a time. Nothing here
/// allocates, locks or throws in steady state; an empty ring is a <c>false</c> (or zero) return.
/// </summary>
public sealed unsafe class SpscConsumer<T> : IDisposable where T : unmanaged
{
    private readonly SpscRing<T> _ring;
    private readonly EndpointLine* _own;
    private readonly EndpointLine* _peer;
    private readonly byte* _slots;
    private readonly long _mask;
    private readonly int _stride;
    private long _next;
    private long _cachedWrite;
    private bool _disposed;

    internal SpscConsumer(SpscRing<T> ring)
    {
        _ring = ring;
        _own = &ring.Header->Consumer;
        _peer = &ring.Header->Producer;
        _slots = ring.Slots;
        _mask = ring.Mask;
        _stride = ring.SlotStride;
        _next = Volatile.Read(ref _own->Cursor);
        _cachedWrite = Volatile.Read(ref _peer->Cursor);
    }

    /// <summary>The ring this end reads from.</summary>
    public SpscRing<T> Ring => _ring;

    /// <summary>Copies the oldest message out and frees its slot (release store of the read cursor); false when empty.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryRead(out T message)
    {
        if (Available() == 0)
        {
            message = default;
            return false;
        }
        message = *(T*)(_slots + (_next & _mask) * _stride);
        Volatile.Write(ref _own->Cursor, ++_next);
        return true;
    }

    /// <summary>
    /// Gives read access to the oldest message in place, without copying (for large messages such as
    /// action chunks). Call <see cref="SpscReadClaim{T}.Release"/> when done; until then the slot stays
    /// owned by the consumer and the producer cannot reuse it.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryBeginRead(out SpscReadClaim<T> claim)
    {
        if (Available() == 0)
        {
            claim = default;
            return false;
        }
        claim = new SpscReadClaim<T>(this, (T*)(_slots + (_next & _mask) * _stride), _next);
        return true;
    }

    /// <summary>
    /// Copies up to <c>destination.Length</c> messages out in order and frees their slots with one
    /// release store. Returns how many were copied (0 when empty).
    /// </summary>
    public int Drain(Span<T> destination)
    {
        long available = Available();
        int count = (int)Math.Min(available, destination.Length);
        for (int i = 0; i < count; i++)
        {
            destination[i] = *(T*)(_slots + ((_next + i) & _mask) * _stride);
        }
        if (count > 0)
        {
            _next += count;
            Volatile.Write(ref _own->Cursor, _next);
        }
        return count;
    }

    /// <summary>Messages ready to read now (re-reads the producer's cursor when the cache says none).</summary>
    public long Available()
    {
        long available = _cachedWrite - _next;
        if (available > 0) return available;
        // Acquire: every slot below the producer's cursor is fully written.
        _cachedWrite = Volatile.Read(ref _peer->Cursor);
        return _cachedWrite - _next;
    }

    /// <summary>Publishes a heartbeat for the producer's <see cref="SpscRing{T}.ConsumerStatus"/> check.</summary>
    public void Heartbeat(long nowNs) => EndpointOwnership.Beat(_own, nowNs);

    /// <summary>State of the producer end. Makes a system call; not for every cycle.</summary>
    public PeerStatus ProducerStatus(long nowNs, long heartbeatTimeoutNs) =>
        EndpointOwnership.Inspect(_peer, nowNs, heartbeatTimeoutNs);

    /// <summary>Gives the consumer end back so it can be taken again.</summary>
    public void Dispose()
    {
        if (_disposed || _ring.Region.IsDisposed) return;
        _disposed = true;
        EndpointOwnership.Release(_own);
    }

    /// <summary>Frees the slot read in place at <paramref name="sequence"/>.</summary>
    /// <exception cref="InvalidOperationException">When the claim is stale.</exception>
    internal void Release(long sequence)
    {
        if (sequence != _next)
        {
            throw new InvalidOperationException(
                $"Stale read claim: it was for message {sequence} but the consumer is at {_next}; release each claim once, before the next read.");
        }
        Volatile.Write(ref _own->Cursor, ++_next);
    }
}
