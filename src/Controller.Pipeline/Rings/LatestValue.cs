using System.Runtime.CompilerServices;
using Controller.Pipeline.Memory;

namespace Controller.Pipeline.Rings;

/// <summary>
/// A latest-wins mailbox (a sequence lock) for state such as the robot's joint state or the brain's goal:
/// one writer that never waits, any number of readers that each get a whole, consistent snapshot, or
/// <see cref="MailboxReadStatus.Contended"/> after a bounded number of retries. A torn value is never returned.
/// </summary>
/// <remarks>
/// The writer makes the sequence odd, issues a full fence, copies the value and makes the sequence even
/// with a release store. A reader acquires an even sequence, copies the value, issues a full fence so the
/// copy completes before it re-reads the sequence, and accepts the copy only if the sequence is unchanged.
/// A copy that raced with a write may be torn, and is thrown away. Version = sequence / 2 = writes so far.
/// </remarks>
public sealed unsafe class LatestValue<T> : IDisposable where T : unmanaged
{
    /// <summary>Retries a reader makes by default before reporting <see cref="MailboxReadStatus.Contended"/>.</summary>
    public const int DefaultMaxRetries = 64;

    private readonly NativeRegion _region;
    private readonly RegionHeader* _header;
    private readonly T* _value;
    private long _contendedReads;

    private LatestValue(NativeRegion region)
    {
        _region = region;
        _header = (RegionHeader*)region.Pointer;
        _value = (T*)(region.Pointer + RegionHeader.Size);
    }

    /// <summary>Writes so far (0 until the first write completes).</summary>
    public long Version => Volatile.Read(ref _header->Producer.Cursor) >> 1;

    /// <summary>Reads in this process that gave up as <see cref="MailboxReadStatus.Contended"/>.</summary>
    public long ContendedReads => Volatile.Read(ref _contendedReads);

    /// <summary>The memory this mailbox lives in.</summary>
    public NativeRegion Region => _region;

    internal RegionHeader* Header => _header;
    internal T* Value => _value;

    /// <summary>Creates a mailbox in this process's unmanaged memory.</summary>
    public static LatestValue<T> Create() => CreateIn(null);

    /// <summary>Creates a mailbox in a new shared file; disposing it deletes the file.</summary>
    public static LatestValue<T> CreateShared(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return CreateIn(path);
    }

    /// <summary>Attaches to a mailbox created by another process.</summary>
    /// <exception cref="PipelineAttachException">When the file holds another kind, message type, size or version.</exception>
    public static LatestValue<T> OpenShared(string path) =>
        new(PipelineRegions.Open<T>(path, RegionKind.LatestValue, SlotStrideFor(), out _));

    /// <summary>Hands out the writer; once across all attached processes, until it is disposed.</summary>
    /// <exception cref="InvalidOperationException">When a live process already holds the writer.</exception>
    public LatestValueWriter<T> TakeWriter()
    {
        EndpointOwnership.Take(&_header->Producer, _region, "writer");
        return new LatestValueWriter<T>(this);
    }

    /// <summary>Copies out the latest value. Safe from any thread; never blocks the writer.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public MailboxReadStatus TryRead(out T value) => TryRead(out value, out _, DefaultMaxRetries);

    /// <summary>Copies out the latest value and its version, retrying at most <paramref name="maxRetries"/> times.</summary>
    public MailboxReadStatus TryRead(out T value, out long version, int maxRetries = DefaultMaxRetries)
    {
        ref long sequence = ref _header->Producer.Cursor;
        for (int attempt = 0; attempt <= maxRetries; attempt++)
        {
            long before = Volatile.Read(ref sequence);
            if (before == 0)
            {
                value = default;
                version = 0;
                return MailboxReadStatus.Empty;
            }
            if ((before & 1) == 0)
            {
                value = *_value;
                Interlocked.MemoryBarrier();
                if (Volatile.Read(ref sequence) == before)
                {
                    version = before >> 1;
                    return MailboxReadStatus.Success;
                }
            }
            Thread.SpinWait(1);
        }
        Interlocked.Increment(ref _contendedReads);
        value = default;
        version = 0;
        return MailboxReadStatus.Contended;
    }

    /// <summary>State of whoever holds the writer. Makes a system call; not for every cycle.</summary>
    public PeerStatus WriterStatus(long nowNs, long heartbeatTimeoutNs) =>
        EndpointOwnership.Inspect(&_header->Producer, nowNs, heartbeatTimeoutNs);

    /// <summary>Releases the memory (and deletes the shared file if this process created it).</summary>
    public void Dispose() => _region.Dispose();

    private static int SlotStrideFor() => RegionLayout.AlignUp(Unsafe.SizeOf<T>(), 8);

    private static LatestValue<T> CreateIn(string? sharedPath)
    {
        int stride = SlotStrideFor();
        var region = PipelineRegions.Create(1, stride, sharedPath);
        PipelineRegions.Publish<T>(region, RegionKind.LatestValue, 1, stride);
        return new LatestValue<T>(region);
    }
}
