using System.Runtime.InteropServices;

namespace Controller.Pipeline.Memory;

/// <summary>
/// One side's cache-line pair in a region header: the cursor that side publishes, its counter, and the
/// ownership and heartbeat words a peer reads to tell whether this side is still alive. Only the owning
/// side writes here, so the other side's reads never contend with writes to its own line.
/// </summary>
[StructLayout(LayoutKind.Explicit, Size = Size)]
public struct EndpointLine
{
    /// <summary>Bytes per endpoint line: two cache lines (adjacent-line prefetch pairs 64-byte lines).</summary>
    public const int Size = 128;

    /// <summary>The sequence this side has published (write cursor, read cursor or seqlock sequence).</summary>
    [FieldOffset(0)] public long Cursor;

    /// <summary>This side's event counter (rejected writes for a producer, unused for a consumer).</summary>
    [FieldOffset(8)] public long Counter;

    /// <summary>Process id of the current owner; 0 when free.</summary>
    [FieldOffset(16)] public long OwnerPid;

    /// <summary>Owner's last heartbeat, monotonic nanoseconds (system-wide clock); 0 when none was sent.</summary>
    [FieldOffset(24)] public long HeartbeatNs;
}
