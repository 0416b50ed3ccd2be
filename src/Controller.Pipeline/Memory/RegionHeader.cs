using System.Runtime.InteropServices;

namespace Controller.Pipeline.Memory;

/// <summary>
/// The header at the start of every pipeline region: identity and layout first (written once by the
/// creator), then the producer's and the consumer's lines on separate 128-byte blocks, then the data.
/// A peer in another process validates the identity before touching anything else.
/// </summary>
[StructLayout(LayoutKind.Explicit, Size = Size)]
public struct RegionHeader
{
    /// <summary>Header size in bytes; data starts here.</summary>
    public const int Size = 384;

    /// <summary>"CTLPIPE1" in ASCII, little-endian.</summary>
    public const ulong ExpectedMagic = 0x3145504950_4C5443UL;

    /// <summary>Bumped whenever this layout changes; peers of another version refuse to attach.</summary>
    public const int CurrentLayoutVersion = 1;

    /// <summary>Identifies pipeline memory.</summary>
    [FieldOffset(0)] public ulong Magic;

    /// <summary>Layout version of the creator.</summary>
    [FieldOffset(8)] public int LayoutVersion;

    /// <summary>What the region holds (<see cref="RegionKind"/>).</summary>
    [FieldOffset(12)] public int Kind;

    /// <summary>Slot count (1 for a mailbox).</summary>
    [FieldOffset(16)] public long Capacity;

    /// <summary>Size of one message in bytes.</summary>
    [FieldOffset(24)] public int MessageSize;

    /// <summary>Bytes between consecutive slots.</summary>
    [FieldOffset(28)] public int SlotStride;

    /// <summary>Hash of the message type's name and field layout.</summary>
    [FieldOffset(32)] public ulong TypeHash;

    /// <summary>Total region length in bytes.</summary>
    [FieldOffset(40)] public long TotalLength;

    /// <summary>Set to 1 (with release semantics) after every other field is written.</summary>
    [FieldOffset(48)] public int Initialized;

    /// <summary>The producer's (writer's) line.</summary>
    [FieldOffset(128)] public EndpointLine Producer;

    /// <summary>The consumer's (reader's) line.</summary>
    [FieldOffset(256)] public EndpointLine Consumer;
}
