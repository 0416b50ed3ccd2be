namespace Controller.Hardware.Protocols.Slcan;

/// <summary>What feeding one byte to an <see cref="SlcanDecoder"/> produced.</summary>
public enum SlcanDecodeResult
{
    /// <summary>The byte was taken; no line is complete yet.</summary>
    NeedMore,

    /// <summary>A line completed and decoded into the message.</summary>
    Message,

    /// <summary>A line completed but was not valid SLCAN; it was dropped and the decoder is ready for the next line.</summary>
    Malformed,
}
