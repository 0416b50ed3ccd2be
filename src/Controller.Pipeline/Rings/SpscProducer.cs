using System.Runtime.CompilerServices;
using Controller.Pipeline.Memory;

namespace Controller.Pipeline.Rings;

/// <summary>
/// The writing end of an <see cref="SpscRing{T}"/>. Use it from one thread at a time. Nothing here
/// allocates, locks or throws in steady state; a full ring is a <c>false</c> return and a counted reject.
/// </summary>
public sealed unsafe class SpscProducer<T> : IDisposable where T : unmanaged
{
    private readonly SpscRing<T> _ring;
    private readonly EndpointLine* _own;
    private readonly EndpointLine* _peer;
    private readonly byte* _slots;
    private readonly long _mask;
    private readonly int _stride;
    private readonly long _capacity;
    private PaddedCursors _cursors;
    private bool _disposed;

    internal SpscProducer(SpscRing<T> ring)
    {
        _ring = ring;
        _own = &ring.Header->Producer;
        _peer = &ring.Header->Consumer;
        _slots = ring.Slots;
        _mask = ring.Mask;
        _stride = ring.SlotStride;
        _capacity = ring.Capacity;
        // Resume where a previous holder (perhaps a crashed process) left off; it may have died after
        // stamping a slot but before advancing its cursor, so step over slots that are already published.
        _cursors.Next = Volatile.Read(ref _own->Cursor);
        while (_cursors.Next - Volatile.Read(ref _peer->Cursor) < _capacity && Volatile.Read(ref *StampOf(_cursors.Next)) == _cursors.Next + 1) _cursors.Next++;
        Volatile.Write(ref _own->Cursor, _cursors.Next);
        _cursors.CachedPeer = Volatile.Read(ref _peer->Cursor);
    }

    /// <summary>The ring this end writes to.</summary>
    public SpscRing<T> Ring => _ring;

    /// <summary>
    /// Copies <paramref name="message"/> into the next slot and publishes it (release store of the write cursor).
    /// Returns false, and counts a reject, when the ring is full.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryWrite(in T message)
    {
        if (!HasSpace()) return Reject();
        byte* slot = _slots + (_cursors.Next & _mask) * _stride;
        *(T*)(slot + SpscRing<T>.MessageOffset) = message;
        PublishSlot(slot);
        return true;
    }

    /// <summary>
    /// Claims the next slot for writing in place, so a large message is never copied twice. Fill
    /// <see cref="SpscWriteClaim{T}.Message"/> by <c>ref</c> and call <see cref="SpscWriteClaim{T}.Publish"/>;
    /// a claim that is never published is simply abandoned and the slot is claimed again next time.
    /// The slot still holds whatever an earlier lap left in it. Returns false, counting a reject, when full.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryClaim(out SpscWriteClaim<T> claim)
    {
        if (!HasSpace())
        {
            claim = default;
            return Reject();
        }
        claim = new SpscWriteClaim<T>(this, (T*)(_slots + (_cursors.Next & _mask) * _stride + SpscRing<T>.MessageOffset), _cursors.Next);
        return true;
    }

    /// <summary>Free slots as of the last look at the consumer's cursor (may be fewer than there really are).</summary>
    public long FreeSlots => _capacity - (_cursors.Next - _cursors.CachedPeer);

    /// <summary>Publishes a heartbeat for the consumer's <see cref="SpscRing{T}.ProducerStatus"/> check.</summary>
    public void Heartbeat(long nowNs) => EndpointOwnership.Beat(_own, nowNs);

    /// <summary>State of the consumer end. Makes a system call; not for every cycle.</summary>
    public PeerStatus ConsumerStatus(long nowNs, long heartbeatTimeoutNs) =>
        EndpointOwnership.Inspect(_peer, nowNs, heartbeatTimeoutNs);

    /// <summary>Gives the producer end back so it can be taken again.</summary>
    public void Dispose()
    {
        if (_disposed || _ring.Region.IsDisposed) return;
        _disposed = true;
        EndpointOwnership.Release(_own);
    }

    /// <summary>Publishes the claimed slot at <paramref name="sequence"/>.</summary>
    /// <exception cref="InvalidOperationException">When the claim is stale (another write or publish came first).</exception>
    internal void Publish(long sequence)
    {
        if (sequence != _cursors.Next)
        {
            throw new InvalidOperationException(
                $"Stale write claim: it was for message {sequence} but the producer is at {_cursors.Next}; publish each claim once, before the next write.");
        }
        PublishSlot(_slots + (_cursors.Next & _mask) * _stride);
    }

    /// <summary>Release-stores the slot's stamp (the consumer's signal), then advances the cursor for observers.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void PublishSlot(byte* slot)
    {
        Volatile.Write(ref *(long*)slot, _cursors.Next + 1);
        Volatile.Write(ref _own->Cursor, ++_cursors.Next);
    }

    private long* StampOf(long sequence) => (long*)(_slots + (sequence & _mask) * _stride);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool HasSpace()
    {
        if (_cursors.Next - _cursors.CachedPeer < _capacity) return true;
        // Acquire: the consumer has finished copying out every slot below its cursor.
        _cursors.CachedPeer = Volatile.Read(ref _peer->Cursor);
        return _cursors.Next - _cursors.CachedPeer < _capacity;
    }

    private bool Reject()
    {
        Volatile.Write(ref _own->Counter, _own->Counter + 1);
        return false;
    }
}
