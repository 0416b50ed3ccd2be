namespace Controller.Hardware.Protocols.Dynamixel;

/// <summary>What <see cref="DynamixelPacketDecoder.TryDecode"/> found at the front of its input.</summary>
public enum DynamixelDecodeResult
{
    /// <summary>A whole packet with a correct CRC; its body was unstuffed into the caller's buffer.</summary>
    Packet,

    /// <summary>No whole packet yet; bytes before a possible header (garbage) were consumed.</summary>
    NeedMoreData,

    /// <summary>A header whose packet failed its CRC; the header was consumed so the search resumes after it.</summary>
    CrcMismatch,

    /// <summary>
    /// A header with an impossible ID or length, or an incomplete one followed by a complete valid packet (a false
    /// header in noise); bytes up to the next candidate were consumed.
    /// </summary>
    Malformed,

    /// <summary>A valid packet whose unstuffed body did not fit the caller's buffer; the packet was consumed.</summary>
    BodyTooLarge,
}
