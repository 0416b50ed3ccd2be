using System.Runtime.CompilerServices;
using Controller.Pipeline.Memory;

namespace Controller.Pipeline.Rings;

/// <summary>
/// A bounded single-producer single-consumer ring of unmanaged messages in unmanaged memory, in this
/// process or in a file shared with another process. The producer and consumer ends are handed out once
/// each (<see cref="TakeProducer"/>, <see cref="TakeConsumer"/>); a full ring rejects the write and counts
/// it (<see cref="RejectedCount"/>) rather than blocking or overwriting.
/// </summary>
/// <remarks>
/// Layout: a <see cref="RegionHeader"/> whose producer line holds the write cursor and the rejected
/// counter and whose consumer line, 128 bytes further on, holds the read cursor; then
/// <see cref="Capacity"/> slots, each 64-byte aligned: an 8-byte publication stamp followed by the
/// message. Cursors count messages from zero and never wrap; slot = cursor &amp; mask.
/// Memory ordering: the producer copies the message into its slot, then stores the slot's stamp
/// (<c>sequence + 1</c>) with release semantics, then its cursor (for observers and for resuming after a
/// crash). The consumer acquires the stamp of the slot it expects; seeing <c>sequence + 1</c> there proves
/// the message is complete, and because stamp and message start share a cache line, one line transfer
/// carries both. It copies the message out and publishes the read cursor with a release store, which
/// the producer acquires (only when its cached copy says the ring is full) before reusing a slot. In
/// steady state neither side reads a line the other writes, except the slots themselves.
/// </remarks>
/// <typeparam name="T">The message type; its layout hash is checked when another process attaches.</typeparam>
public sealed unsafe class SpscRing<T> : IDisposable where T : unmanaged
{
    private readonly NativeRegion _region;

    private SpscRing(NativeRegion region, long capacity)
    {
        _region = region;
        Capacity = (int)capacity;
        Mask = capacity - 1;
        SlotStride = SlotStrideFor();
        Header = (RegionHeader*)region.Pointer;
        Slots = region.Pointer + RegionHeader.Size;
    }

    /// <summary>Number of slots.</summary>
    public int Capacity { get; }

    /// <summary>
    /// Write attempts refused because the ring was full, since the ring was created. A producer that retries
    /// a refused message counts every attempt, so this is lost messages only for producers that never retry.
    /// </summary>
    public long RejectedCount => Volatile.Read(ref Header->Producer.Counter);

    /// <summary>Messages published and not yet consumed; a snapshot that may be stale by the time it returns.</summary>
    public long Count => Volatile.Read(ref Header->Producer.Cursor) - Volatile.Read(ref Header->Consumer.Cursor);

    /// <summary>The memory this ring lives in.</summary>
    public NativeRegion Region => _region;

    internal RegionHeader* Header { get; }
    internal byte* Slots { get; }
    internal long Mask { get; }
    internal int SlotStride { get; }

    /// <summary>Creates a ring in this process's unmanaged memory.</summary>
    /// <param name="capacity">Slot count: a power of two from 2 to 2^30.</param>
    /// <exception cref="ArgumentOutOfRangeException">When <paramref name="capacity"/> breaks that rule.</exception>
    public static SpscRing<T> Create(int capacity) => CreateIn(capacity, sharedPath: null);

    /// <summary>
    /// Creates a ring in a new shared file (truncating any file there) for another process to
    /// <see cref="OpenShared"/>. Disposing the ring deletes the file.
    /// </summary>
    /// <param name="path">File path, typically under <c>/dev/shm</c>.</param>
    /// <param name="capacity">Slot count: a power of two from 2 to 2^30.</param>
    public static SpscRing<T> CreateShared(string path, int capacity)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return CreateIn(capacity, path);
    }

    /// <summary>Attaches to a ring another process created with <see cref="CreateShared"/>.</summary>
    /// <exception cref="PipelineAttachException">When the file holds another kind, message type, size or version.</exception>
    /// <exception cref="FileNotFoundException">When there is no such file.</exception>
    public static SpscRing<T> OpenShared(string path)
    {
        var region = PipelineRegions.Open<T>(path, RegionKind.SpscRing, SlotStrideFor(), out long capacity);
        return new SpscRing<T>(region, capacity);
    }

    /// <summary>Hands out the producer end; once per ring across all attached processes, until it is disposed.</summary>
    /// <exception cref="InvalidOperationException">When a live process already holds the producer end.</exception>
    public SpscProducer<T> TakeProducer()
    {
        EndpointOwnership.Take(&Header->Producer, _region, "producer");
        return new SpscProducer<T>(this);
    }

    /// <summary>Hands out the consumer end; once per ring across all attached processes, until it is disposed.</summary>
    /// <exception cref="InvalidOperationException">When a live process already holds the consumer end.</exception>
    public SpscConsumer<T> TakeConsumer()
    {
        EndpointOwnership.Take(&Header->Consumer, _region, "consumer");
        return new SpscConsumer<T>(this);
    }

    /// <summary>State of whoever holds the producer end, judged at <paramref name="nowNs"/>. Makes a system call; not for every cycle.</summary>
    public PeerStatus ProducerStatus(long nowNs, long heartbeatTimeoutNs) =>
        EndpointOwnership.Inspect(&Header->Producer, nowNs, heartbeatTimeoutNs);

    /// <summary>State of whoever holds the consumer end, judged at <paramref name="nowNs"/>. Makes a system call; not for every cycle.</summary>
    public PeerStatus ConsumerStatus(long nowNs, long heartbeatTimeoutNs) =>
        EndpointOwnership.Inspect(&Header->Consumer, nowNs, heartbeatTimeoutNs);

    /// <summary>Releases the memory (and deletes the shared file if this process created it).</summary>
    public void Dispose() => _region.Dispose();

    /// <summary>Offset of the message inside a slot, after the publication stamp.</summary>
    internal const int MessageOffset = 8;

    private static int SlotStrideFor() => RegionLayout.AlignUp(MessageOffset + Unsafe.SizeOf<T>(), 64);

    private static SpscRing<T> CreateIn(int capacity, string? sharedPath)
    {
        RingCapacity.Validate(capacity);
        int stride = SlotStrideFor();
        var region = PipelineRegions.Create(capacity, stride, sharedPath);
        PipelineRegions.Publish<T>(region, RegionKind.SpscRing, capacity, stride);
        return new SpscRing<T>(region, capacity);
    }
}
