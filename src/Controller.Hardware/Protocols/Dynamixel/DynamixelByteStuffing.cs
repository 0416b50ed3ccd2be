namespace Controller.Hardware.Protocols.Dynamixel;

/// <summary>
/// Byte stuffing (ROBOTIS e-Manual, Protocol 2.0, "Packet Process"): in the instruction and parameter fields every
/// FF FF FD is sent as FF FF FD FD, so a header (FF FF FD 00) cannot appear inside a packet. The pattern cannot
/// overlap itself, so each occurrence is found unambiguously scanning either way.
/// </summary>
public static class DynamixelByteStuffing
{
    /// <summary>How many FD bytes stuffing <paramref name="field"/> adds.</summary>
    public static int CountInsertions(ReadOnlySpan<byte> field)
    {
        int count = 0;
        for (int i = 2; i < field.Length; i++)
        {
            if (IsPatternEnd(field, i)) count++;
        }
        return count;
    }

    /// <summary>
    /// Stuffs the first <paramref name="length"/> bytes of <paramref name="buffer"/> in place and returns the new length.
    /// The caller makes sure <paramref name="buffer"/> holds <paramref name="length"/> + <see cref="CountInsertions"/> bytes.
    /// </summary>
    public static int StuffInPlace(Span<byte> buffer, int length)
    {
        int insertions = CountInsertions(buffer[..length]);
        if (insertions == 0) return length;
        int write = length + insertions - 1;
        // Backwards, so every source byte is read before it can be overwritten (write index >= read index).
        for (int read = length - 1; read >= 0; read--)
        {
            bool patternEnd = read >= 2 && IsPatternEnd(buffer, read);
            buffer[write--] = buffer[read];
            if (patternEnd) buffer[write--] = DynamixelPacket.Header3;
        }
        return length + insertions;
    }

    /// <summary>
    /// Copies <paramref name="stuffed"/> into <paramref name="destination"/> without the inserted FD bytes.
    /// Returns the unstuffed length, or -1 when <paramref name="destination"/> is too small.
    /// </summary>
    public static int Unstuff(ReadOnlySpan<byte> stuffed, Span<byte> destination)
    {
        int written = 0;
        for (int i = 0; i < stuffed.Length; i++)
        {
            if (i >= 3 && stuffed[i] == 0xFD && IsPatternEnd(stuffed, i - 1)) continue;
            if (written == destination.Length) return -1;
            destination[written++] = stuffed[i];
        }
        return written;
    }

    private static bool IsPatternEnd(ReadOnlySpan<byte> s, int i) =>
        i >= 2 && s[i] == 0xFD && s[i - 1] == 0xFF && s[i - 2] == 0xFF;
}
