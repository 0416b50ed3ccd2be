namespace Controller.Brain.Cameras;

/// <summary>
/// Bytes from outside (a PPM/PGM file, a Y4M stream, an AVI file, a YUYV buffer, a PNG/JPEG) are not a valid
/// frame. The one exception type every decoder in this folder throws for bad input; the message names what was
/// wrong (the field, the bad value, what is allowed, the byte offset where known).
/// </summary>
public sealed class FrameDecodeException : Exception
{
    /// <summary>Creates the exception.</summary>
    public FrameDecodeException(string message) : base(message)
    {
    }
}
