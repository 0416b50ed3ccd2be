using System.Buffers.Binary;

namespace Controller.Hardware.Protocols.Dynamixel;

/// <summary>
/// Decodes the first Protocol 2.0 packet in a byte sequence (ROBOTIS e-Manual, Protocol 2.0, "Processing Order of
/// Reception"): find FF FF FD 00 (a stuffed FF FF FD FD is not a header), check the ID and length, wait for the
/// whole packet, check the CRC over the bytes as received, then remove the stuffing.
/// </summary>
/// <remarks>
/// Never throws and never allocates. Every call either returns a packet, or reports how many leading bytes can be
/// dropped, so a caller that drops <c>consumed</c> bytes each time always makes progress: garbage is skipped up to
/// the next header, and a damaged packet's header is skipped so the search resynchronises on the next one.
/// </remarks>
public static class DynamixelPacketDecoder
{
    /// <summary>Decodes the first packet of <paramref name="input"/>, unstuffing its body into <paramref name="body"/>.</summary>
    /// <param name="input">Received bytes.</param>
    /// <param name="body">Receives the bytes after the instruction (status: error byte then parameters).</param>
    /// <param name="info">The packet's fields when the result is <see cref="DynamixelDecodeResult.Packet"/>.</param>
    /// <param name="consumed">Leading bytes of <paramref name="input"/> the caller may drop.</param>
    public static DynamixelDecodeResult TryDecode(ReadOnlySpan<byte> input, Span<byte> body, out DynamixelPacketInfo info, out int consumed)
    {
        info = default;
        int start = FindHeader(input);
        if (start < 0)
        {
            // Keep a tail that may be the start of a header split across reads.
            consumed = input.Length - PartialHeaderLength(input);
            return DynamixelDecodeResult.NeedMoreData;
        }

        var packet = input[start..];
        if (packet.Length < DynamixelPacket.PrefixBytes)
        {
            consumed = start;
            return DynamixelDecodeResult.NeedMoreData;
        }

        byte id = packet[DynamixelPacket.IdOffset];
        int length = BinaryPrimitives.ReadUInt16LittleEndian(packet[DynamixelPacket.LengthOffset..]);
        int total = DynamixelPacket.PrefixBytes + length;
        bool idValid = DynamixelPacket.IsDeviceId(id) || id == DynamixelPacket.BroadcastId;
        if (!idValid || length < 3 || total > DynamixelPacket.MaxPacketBytes)
        {
            consumed = start + 1;
            return DynamixelDecodeResult.Malformed;
        }

        if (packet.Length < total)
        {
            // A false header in noise can claim a long packet and hide real ones behind it: if a complete,
            // CRC-valid packet already starts later in the input, this header was not real.
            int later = NextCompletePacket(input, start + 1);
            consumed = later >= 0 ? later : start;
            return later >= 0 ? DynamixelDecodeResult.Malformed : DynamixelDecodeResult.NeedMoreData;
        }

        ushort crc = BinaryPrimitives.ReadUInt16LittleEndian(packet[(total - 2)..]);
        if (DynamixelCrc.Compute(packet[..(total - 2)]) != crc)
        {
            consumed = start + 1;
            return DynamixelDecodeResult.CrcMismatch;
        }

        consumed = start + total;
        var stuffedBody = packet[(DynamixelPacket.InstructionOffset + 1)..(total - 2)];
        int bodyLength = DynamixelByteStuffing.Unstuff(stuffedBody, body);
        if (bodyLength < 0) return DynamixelDecodeResult.BodyTooLarge;
        info = new DynamixelPacketInfo(id, (DynamixelInstruction)packet[DynamixelPacket.InstructionOffset], bodyLength, total);
        return DynamixelDecodeResult.Packet;
    }

    /// <summary>Index of the first FF FF FD 00 in <paramref name="input"/>, or -1.</summary>
    public static int FindHeader(ReadOnlySpan<byte> input)
    {
        int from = 0;
        while (true)
        {
            int i = input[from..].IndexOf((byte)DynamixelPacket.Header3);
            if (i < 0) return -1;
            i += from;
            if (i >= 2 && i + 1 < input.Length && input[i - 1] == 0xFF && input[i - 2] == 0xFF && input[i + 1] == DynamixelPacket.Reserved)
                return i - 2;
            from = i + 1;
        }
    }

    private static int NextCompletePacket(ReadOnlySpan<byte> input, int from)
    {
        while (from < input.Length)
        {
            int h = FindHeader(input[from..]);
            if (h < 0) return -1;
            h += from;
            var candidate = input[h..];
            if (candidate.Length >= DynamixelPacket.PrefixBytes)
            {
                int length = BinaryPrimitives.ReadUInt16LittleEndian(candidate[DynamixelPacket.LengthOffset..]);
                int total = DynamixelPacket.PrefixBytes + length;
                if (length >= 3 && total <= candidate.Length
                    && DynamixelCrc.Compute(candidate[..(total - 2)]) == BinaryPrimitives.ReadUInt16LittleEndian(candidate[(total - 2)..]))
                    return h;
            }
            from = h + 1;
        }
        return -1;
    }

    private static int PartialHeaderLength(ReadOnlySpan<byte> input)
    {
        // Longest suffix that is a proper prefix of FF FF FD 00.
        for (int keep = Math.Min(3, input.Length); keep > 0; keep--)
        {
            var tail = input[^keep..];
            if (tail[0] == 0xFF && (keep < 2 || tail[1] == 0xFF) && (keep < 3 || tail[2] == 0xFD)) return keep;
        }
        return 0;
    }
}
