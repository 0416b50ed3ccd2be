using System.Runtime.CompilerServices;
using Controller.Pipeline.Memory;

namespace Controller.Pipeline.Rings;

/// <summary>
/// A bounded multi-producer single-consumer ring for events and telemetry: any thread (or process) may
/// <see cref="TryWrite"/>; one consumer drains. A full ring drops the new message and counts it
/// (<see cref="DroppedCount"/>), so a burst of events can never block the loop that raises them.
/// </summary>
/// <remarks>
/// Each slot carries a sequence word in front of the message (the bounded-queue design of D. Vyukov).
/// A producer claims a position with a compare-and-swap on the shared write cursor, copies its message
/// and publishes the slot with a release store of <c>position + 1</c> into the slot's sequence; the
/// consumer acquires that sequence before copying out and hands the slot to the next lap with a release
/// store of <c>position + capacity</c>. Producers contend only on the cursor's cache line. It is lock-free
/// but not wait-free: a producer descheduled between claim and publish delays the consumer at that slot
/// (not other producers) until it resumes; a producer process killed in that window leaves the slot
/// unpublished, and <see cref="MpscConsumer{T}.SkipStalledSlot"/> lets the consumer step over it.
/// </remarks>
public sealed unsafe class MpscRing<T> : IDisposable where T : unmanaged
{
    /// <summary>Offset of the message inside a slot, after the 8-byte sequence word.</summary>
    internal const int MessageOffset = 8;

    private readonly NativeRegion _region;
    private readonly RegionHeader* _header;
    private readonly byte* _slots;
    private readonly long _mask;
    private readonly int _stride;

    private MpscRing(NativeRegion region, long capacity)
    {
        _region = region;
        _header = (RegionHeader*)region.Pointer;
        _slots = region.Pointer + RegionHeader.Size;
        Capacity = (int)capacity;
        _mask = capacity - 1;
        _stride = SlotStrideFor();
    }

    /// <summary>Number of slots.</summary>
    public int Capacity { get; }

    /// <summary>Messages dropped because the ring was full.</summary>
    public long DroppedCount => Volatile.Read(ref _header->Producer.Counter);

    /// <summary>The memory this ring lives in.</summary>
    public NativeRegion Region => _region;

    internal RegionHeader* Header => _header;
    internal byte* Slots => _slots;
    internal long Mask => _mask;
    internal int Stride => _stride;

    /// <summary>Creates a ring in this process's unmanaged memory.</summary>
    /// <exception cref="ArgumentOutOfRangeException">When <paramref name="capacity"/> is not a power of two in [2, 2^30].</exception>
    public static MpscRing<T> Create(int capacity) => CreateIn(capacity, null);

    /// <summary>Creates a ring in a new shared file; disposing it deletes the file.</summary>
    public static MpscRing<T> CreateShared(string path, int capacity)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return CreateIn(capacity, path);
    }

    /// <summary>Attaches to a ring created by another process.</summary>
    /// <exception cref="PipelineAttachException">When the file holds another kind, message type, size or version.</exception>
    public static MpscRing<T> OpenShared(string path)
    {
        var region = PipelineRegions.Open<T>(path, RegionKind.MpscRing, SlotStrideFor(), out long capacity);
        return new MpscRing<T>(region, capacity);
    }

    /// <summary>
    /// Copies <paramref name="message"/> into the ring. Safe from any number of threads at once.
    /// Returns false, and counts a drop, when the ring is full.
    /// </summary>
    public bool TryWrite(in T message)
    {
        long position = Volatile.Read(ref _header->Producer.Cursor);
        while (true)
        {
            byte* slot = _slots + (position & _mask) * _stride;
            long sequence = Volatile.Read(ref *(long*)slot);
            long lag = sequence - position;
            if (lag == 0)
            {
                long seen = Interlocked.CompareExchange(ref _header->Producer.Cursor, position + 1, position);
                if (seen == position)
                {
                    *(T*)(slot + MessageOffset) = message;
                    Volatile.Write(ref *(long*)slot, position + 1);
                    return true;
                }
                position = seen;
            }
            else if (lag < 0)
            {
                // The slot still holds a message from the previous lap: the ring is full.
                Interlocked.Increment(ref _header->Producer.Counter);
                return false;
            }
            else
            {
                position = Volatile.Read(ref _header->Producer.Cursor);
            }
        }
    }

    /// <summary>Hands out the consumer end; once across all attached processes, until it is disposed.</summary>
    /// <exception cref="InvalidOperationException">When a live process already holds the consumer end.</exception>
    public MpscConsumer<T> TakeConsumer()
    {
        EndpointOwnership.Take(&_header->Consumer, _region, "consumer");
        return new MpscConsumer<T>(this);
    }

    /// <summary>State of whoever holds the consumer end. Makes a system call; not for every cycle.</summary>
    public PeerStatus ConsumerStatus(long nowNs, long heartbeatTimeoutNs) =>
        EndpointOwnership.Inspect(&_header->Consumer, nowNs, heartbeatTimeoutNs);

    /// <summary>Releases the memory (and deletes the shared file if this process created it).</summary>
    public void Dispose() => _region.Dispose();

    private static int SlotStrideFor() => RegionLayout.AlignUp(MessageOffset + Unsafe.SizeOf<T>(), 8);

    private static MpscRing<T> CreateIn(int capacity, string? sharedPath)
    {
        RingCapacity.Validate(capacity);
        int stride = SlotStrideFor();
        var region = PipelineRegions.Create(capacity, stride, sharedPath);
        byte* slots = region.Pointer + RegionHeader.Size;
        for (long i = 0; i < capacity; i++) *(long*)(slots + i * stride) = i;
        PipelineRegions.Publish<T>(region, RegionKind.MpscRing, capacity, stride);
        return new MpscRing<T>(region, capacity);
    }
}
