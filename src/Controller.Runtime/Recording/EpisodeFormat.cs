namespace Controller.Runtime.Recording;

/// <summary>The byte-level constants of an episode file (see README.md in this folder).</summary>
public static class EpisodeFormat
{
    /// <summary>
    /// The first eight bytes: 0x89 "REC" CR LF 0x1A LF. As PNG's signature does, the high byte and the line endings
    /// catch a file mangled by a text-mode transfer, and the name tells a person with a hex dump what it is.
    /// </summary>
    public static ReadOnlySpan<byte> Magic => [0x89, (byte)'R', (byte)'E', (byte)'C', 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>The format version written after the magic (unsigned 16-bit, little-endian).</summary>
    public const ushort Version = 2;

    /// <summary>
    /// The oldest version this reader reads. Version 2 only added record kind 8 (<see cref="RecordKind.ModelCall"/>),
    /// so a version 1 file reads unchanged: it simply has no model calls.
    /// </summary>
    public const ushort OldestReadableVersion = 1;

    /// <summary>Bytes before the header frame: magic and version.</summary>
    public const int PreambleLength = 10;

    /// <summary>Bytes of a frame's prefix: payload length and CRC-32C (both unsigned 32-bit, little-endian).</summary>
    public const int FramePrefixLength = 8;

    /// <summary>The largest payload a frame may declare (16 MiB); a larger length is damage, not a record.</summary>
    public const int MaxPayloadLength = 16 * 1024 * 1024;
}
