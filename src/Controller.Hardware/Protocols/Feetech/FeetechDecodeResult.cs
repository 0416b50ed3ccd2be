namespace Controller.Hardware.Protocols.Feetech;

/// <summary>What <see cref="FeetechPacketDecoder.TryDecode"/> found at the front of its input.</summary>
public enum FeetechDecodeResult
{
    /// <summary>A whole packet with a correct checksum.</summary>
    Packet,

    /// <summary>No whole packet yet; garbage before a possible header was consumed.</summary>
    NeedMoreData,

    /// <summary>A header whose packet failed its checksum; the header was consumed so the search resumes after it.</summary>
    ChecksumMismatch,

    /// <summary>A header with an impossible length, or an incomplete one followed by a complete valid packet (a false header in noise); bytes up to the next candidate were consumed.</summary>
    Malformed,
}
