using System.Runtime.InteropServices;
using System.Text;

namespace Controller.Runtime.Brain;

/// <summary>Text in fixed byte buffers of shared messages: UTF-8, cut on a character boundary, read back never past the buffer.</summary>
internal static class FixedUtf8
{
    /// <summary>Writes <paramref name="text"/> into <paramref name="capacity"/> bytes at <paramref name="destination"/>; returns the bytes written.</summary>
    public static int Put(string text, ref byte destination, int capacity)
    {
        Span<byte> span = MemoryMarshal.CreateSpan(ref destination, capacity);
        // Cut on a character boundary so the reader never sees half a UTF-8 sequence.
        Encoder encoder = Encoding.UTF8.GetEncoder();
        encoder.Convert(text.AsSpan(), span, flush: true, out _, out int written, out _);
        return written;
    }

    /// <summary>
    /// Reads <paramref name="length"/> bytes at <paramref name="source"/> as UTF-8. The length comes from another
    /// process's memory: it is clamped to 0..<paramref name="capacity"/> whatever it says.
    /// </summary>
    public static string Get(ref byte source, int length, int capacity) =>
        Encoding.UTF8.GetString(MemoryMarshal.CreateReadOnlySpan(ref source, capacity)[..Math.Clamp(length, 0, capacity)]);
}
