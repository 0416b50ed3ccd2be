using System.Runtime.InteropServices;

namespace Controller.Pipeline.Rings;

/// <summary>
/// The two words an endpoint mutates on every operation (its own position and its cached copy of the
/// peer's), fenced by 128 bytes on each side. Endpoint objects are allocated next to each other on the
/// managed heap; without the padding a producer's writes would invalidate the cache line its consumer
/// (on another core) reads its own fields from, which alone costs hundreds of nanoseconds per hand-off.
/// </summary>
[StructLayout(LayoutKind.Explicit, Size = Size)]
internal struct PaddedCursors
{
    /// <summary>Padding before the hot words: two cache lines (adjacent-line prefetch pairs lines).</summary>
    public const int PaddingBytes = 128;

    /// <summary>Total size: padding, two longs, padding.</summary>
    public const int Size = PaddingBytes + 16 + PaddingBytes;

    /// <summary>The endpoint's own next sequence.</summary>
    [FieldOffset(PaddingBytes)] public long Next;

    /// <summary>The endpoint's cached copy of the peer's cursor.</summary>
    [FieldOffset(PaddingBytes + 8)] public long CachedPeer;
}
