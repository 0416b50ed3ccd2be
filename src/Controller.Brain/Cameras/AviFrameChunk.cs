namespace Controller.Brain.Cameras;

/// <summary>Where one video frame (a <c>##dc</c>/<c>##db</c> chunk's data) lies in an AVI file.</summary>
/// <param name="Offset">Byte offset of the chunk's data (after its 8-byte header).</param>
/// <param name="Length">Bytes of data.</param>
public readonly record struct AviFrameChunk(long Offset, int Length);
