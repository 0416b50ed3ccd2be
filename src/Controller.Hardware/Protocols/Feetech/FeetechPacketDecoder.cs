namespace Controller.Hardware.Protocols.Feetech;

/// <summary>
/// Decodes the first Feetech packet in a byte sequence: find FF FF followed by an ID (not FF), check the length,
/// wait for the whole packet, verify the checksum. Never throws or allocates; each call either returns a packet or
/// reports how many leading bytes to drop, so a caller always progresses and resynchronises after noise.
/// </summary>
public static class FeetechPacketDecoder
{
    /// <summary>Decodes the first packet of <paramref name="input"/>.</summary>
    /// <param name="input">Received bytes.</param>
    /// <param name="info">The packet (parameters are a slice of <paramref name="input"/>) when the result is <see cref="FeetechDecodeResult.Packet"/>.</param>
    /// <param name="consumed">Leading bytes of <paramref name="input"/> the caller may drop (for a packet: up to its end).</param>
    public static FeetechDecodeResult TryDecode(ReadOnlySpan<byte> input, out FeetechPacketInfo info, out int consumed)
    {
        info = default;
        int start = FindHeader(input);
        if (start < 0)
        {
            // Keep up to two trailing FF bytes: they may be a header whose ID has not arrived yet.
            int keep = 0;
            while (keep < 2 && keep < input.Length && input[input.Length - 1 - keep] == FeetechPacket.Header) keep++;
            consumed = input.Length - keep;
            return FeetechDecodeResult.NeedMoreData;
        }

        var packet = input[start..];
        if (packet.Length < 4)
        {
            consumed = start;
            return FeetechDecodeResult.NeedMoreData;
        }
        int length = packet[3];
        if (length < 2)
        {
            consumed = start + 1;
            return FeetechDecodeResult.Malformed;
        }
        int total = 4 + length;
        if (packet.Length < total)
        {
            // Without byte stuffing, noise can hold a false header claiming a long packet that hides real ones:
            // if a complete packet with a valid checksum already starts later in the input, skip to it.
            int later = NextCompletePacket(input, start + 1);
            consumed = later >= 0 ? later : start;
            return later >= 0 ? FeetechDecodeResult.Malformed : FeetechDecodeResult.NeedMoreData;
        }
        if (FeetechPacket.Checksum(packet[2..(total - 1)]) != packet[total - 1])
        {
            consumed = start + 1;
            return FeetechDecodeResult.ChecksumMismatch;
        }
        consumed = start + total;
        info = new FeetechPacketInfo(packet[2], packet[4], start + 5, length - 2, total);
        return FeetechDecodeResult.Packet;
    }

    private static int NextCompletePacket(ReadOnlySpan<byte> input, int from)
    {
        while (from < input.Length)
        {
            int h = FindHeader(input[from..]);
            if (h < 0) return -1;
            h += from;
            var candidate = input[h..];
            if (candidate.Length >= 4 && candidate[3] >= 2)
            {
                int total = 4 + candidate[3];
                if (total <= candidate.Length && FeetechPacket.Checksum(candidate[2..(total - 1)]) == candidate[total - 1]) return h;
            }
            from = h + 1;
        }
        return -1;
    }

    /// <summary>Index of the first FF FF followed by a byte other than FF, or -1.</summary>
    public static int FindHeader(ReadOnlySpan<byte> input)
    {
        for (int i = 0; i + 2 < input.Length; i++)
        {
            if (input[i] == FeetechPacket.Header && input[i + 1] == FeetechPacket.Header && input[i + 2] != FeetechPacket.Header) return i;
        }
        return -1;
    }
}
