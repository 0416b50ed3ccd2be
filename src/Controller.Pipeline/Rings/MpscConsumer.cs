using Controller.Pipeline.Memory;

namespace Controller.Pipeline.Rings;

/// <summary>The single reading end of an <see cref="MpscRing{T}"/>. Use it from one thread at a time.</summary>
public sealed unsafe class MpscConsumer<T> : IDisposable where T : unmanaged
{
    private readonly MpscRing<T> _ring;
    private readonly EndpointLine* _own;
    private readonly byte* _slots;
    private readonly long _mask;
    private readonly int _stride;
    private readonly long _capacity;
    private PaddedCursors _cursors;
    private bool _disposed;

    internal MpscConsumer(MpscRing<T> ring)
    {
        _ring = ring;
        _own = &ring.Header->Consumer;
        _slots = ring.Slots;
        _mask = ring.Mask;
        _stride = ring.Stride;
        _capacity = ring.Capacity;
        _cursors.Next = Volatile.Read(ref _own->Cursor);
    }

    /// <summary>Copies the oldest published message out; false when none is ready.</summary>
    public bool TryRead(out T message)
    {
        byte* slot = _slots + (_cursors.Next & _mask) * _stride;
        // Acquire: the producer's copy into this slot is complete once its sequence reads next + 1.
        if (Volatile.Read(ref *(long*)slot) != _cursors.Next + 1)
        {
            message = default;
            return false;
        }
        message = *(T*)(slot + MpscRing<T>.MessageOffset);
        // Release: hand the slot to the producer of the next lap only after the copy above.
        Volatile.Write(ref *(long*)slot, _cursors.Next + _capacity);
        Volatile.Write(ref _own->Cursor, ++_cursors.Next);
        return true;
    }

    /// <summary>Copies up to <c>destination.Length</c> messages out in order; returns how many.</summary>
    public int Drain(Span<T> destination)
    {
        int count = 0;
        while (count < destination.Length && TryRead(out destination[count])) count++;
        return count;
    }

    /// <summary>
    /// True when a producer has claimed the next position but not published it. Normally transient; if it
    /// stays so while <see cref="MpscRing{T}.Region"/>'s producers are known dead, call <see cref="SkipStalledSlot"/>.
    /// </summary>
    public bool IsNextSlotStalled()
    {
        byte* slot = _slots + (_cursors.Next & _mask) * _stride;
        return Volatile.Read(ref *(long*)slot) == _cursors.Next && Volatile.Read(ref _ring.Header->Producer.Cursor) > _cursors.Next;
    }

    /// <summary>
    /// Steps over a slot whose producer died between claiming and publishing it; the message is lost and
    /// counted as dropped. Returns false (doing nothing) unless <see cref="IsNextSlotStalled"/>.
    /// </summary>
    public bool SkipStalledSlot()
    {
        if (!IsNextSlotStalled()) return false;
        byte* slot = _slots + (_cursors.Next & _mask) * _stride;
        Interlocked.Increment(ref _ring.Header->Producer.Counter);
        Volatile.Write(ref *(long*)slot, _cursors.Next + _capacity);
        Volatile.Write(ref _own->Cursor, ++_cursors.Next);
        return true;
    }

    /// <summary>Publishes a heartbeat for <see cref="MpscRing{T}.ConsumerStatus"/>.</summary>
    public void Heartbeat(long nowNs) => EndpointOwnership.Beat(_own, nowNs);

    /// <summary>Gives the consumer end back so it can be taken again.</summary>
    public void Dispose()
    {
        if (_disposed || _ring.Region.IsDisposed) return;
        _disposed = true;
        EndpointOwnership.Release(_own);
    }
}
