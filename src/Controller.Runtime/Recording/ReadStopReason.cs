namespace Controller.Runtime.Recording;

/// <summary>Why the reader stopped taking records.</summary>
public enum ReadStopReason
{
    /// <summary>The file ended exactly after a whole record: nothing was lost.</summary>
    EndOfFile = 0,

    /// <summary>The file ends inside a frame's prefix or payload (a write cut off by a kill or a full disk).</summary>
    Truncated = 1,

    /// <summary>A frame declares a length of 0 or above <see cref="EpisodeFormat.MaxPayloadLength"/>.</summary>
    BadLength = 2,

    /// <summary>A frame's payload does not match its CRC-32C.</summary>
    ChecksumMismatch = 3,

    /// <summary>A frame's CRC matched but its payload is not a valid record.</summary>
    BadPayload = 4,
}
