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
    private PaddedCursors _cursors;
    private bool _disposed;

    internal SpscConsumer(SpscRing<T> ring)
    {
        _ring = ring;
        _own = &ring.Header->Consumer;
        _peer = &ring.Header->Producer;
        _slots = ring.Slots;
        _mask = ring.Mask;
        _stride = ring.SlotStride;
        _cursors.Next = Volatile.Read(ref _own->Cursor);
    }

    /// <summary>The ring this end reads from.</summary>
    public SpscRing<T> Ring => _ring;

    /// <summary>Copies the oldest message out and frees its slot (release store of the read cursor); false when empty.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryRead(out T message)
    {
        byte* slot = _slots + (_cursors.Next & _mask) * _stride;
        // Acquire: a stamp of next + 1 means the producer finished copying this message in.
        if (Volatile.Read(ref *(long*)slot) != _cursors.Next + 1)
        {
            message = default;
            return false;
        }
        message = *(T*)(slot + SpscRing<T>.MessageOffset);
        Volatile.Write(ref _own->Cursor, ++_cursors.Next);
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
        byte* slot = _slots + (_cursors.Next & _mask) * _stride;
        if (Volatile.Read(ref *(long*)slot) != _cursors.Next + 1)
        {
            claim = default;
            return false;
        }
        claim = new SpscReadClaim<T>(this, (T*)(slot + SpscRing<T>.MessageOffset), _cursors.Next);
        return true;
    }

    /// <summary>
    /// Copies up to <c>destination.Length</c> messages out in order and frees their slots with one
    /// release store. Returns how many were copied (0 when empty).
    /// </summary>
    public int Drain(Span<T> destination)
    {
        int count = 0;
        while (count < destination.Length)
        {
            long sequence = _cursors.Next + count;
            byte* slot = _slots + (sequence & _mask) * _stride;
            if (Volatile.Read(ref *(long*)slot) != sequence + 1) break;
            destination[count++] = *(T*)(slot + SpscRing<T>.MessageOffset);
        }
        if (count > 0)
        {
            _cursors.Next += count;
            Volatile.Write(ref _own->Cursor, _cursors.Next);
        }
        return count;
    }

    /// <summary>
    /// Messages published and not yet read, from the producer's cursor. Reads the producer's cache line,
    /// so call it for monitoring rather than before every read (<see cref="TryRead"/> needs no such check).
    /// </summary>
    public long Available() => Volatile.Read(ref _peer->Cursor) - _cursors.Next;

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
        if (sequence != _cursors.Next)
        {
            throw new InvalidOperationException(
                $"Stale read claim: it was for message {sequence} but the consumer is at {_cursors.Next}; release each claim once, before the next read.");
        }
        Volatile.Write(ref _own->Cursor, ++_cursors.Next);
    }
}
