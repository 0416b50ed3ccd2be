using Controller.Hardware.Transports.Can;

namespace Controller.Hardware.Protocols.Slcan;

/// <summary>
/// Encodes what the host sends to an SLCAN adapter (Lawicel CAN232/CANUSB ASCII protocol): frames as
/// <c>tiiildd..\r</c>, <c>Tiiiiiiiildd..\r</c>, <c>riiil\r</c>, <c>Riiiiiiiil\r</c> with upper-case hex, and the
/// one-letter commands; CAN FD frames as the CANable 2.0 firmware's <c>d D b B</c> lines. Also the adapter's side of frame lines (with an optional timestamp) for twins and tests.
/// Nothing here allocates.
/// </summary>
public static class SlcanEncoder
{
    /// <summary>Longest line this encoder writes, CR included.</summary>
    public const int MaxLineLength = SlcanDecoder.MaxLineLength + 1;

    private static ReadOnlySpan<byte> HexDigits => "0123456789ABCDEF"u8;

    /// <summary>
    /// Writes <paramref name="frame"/> as a transmit line (CR included), with the adapter timestamp appended when
    /// <paramref name="timestampMs"/> is not negative. Returns the bytes written, or 0 when the frame cannot be
    /// sent over SLCAN (an error frame, an identifier out of range, more than 8 bytes) or the buffer is too small.
    /// </summary>
    public static int EncodeFrame(in CanFrame frame, Span<byte> destination, int timestampMs = -1)
    {
        if (frame.IsError || frame.Length > CanFrame.MaxClassicLength || !CanFrame.IsValidId(frame.Id, frame.IsExtended)) return 0;
        int idDigits = frame.IsExtended ? 8 : 3;
        int dataDigits = frame.IsRemote ? 0 : 2 * frame.Length;
        int total = 1 + idDigits + 1 + dataDigits + (timestampMs >= 0 ? 4 : 0) + 1;
        if (destination.Length < total) return 0;

        int at = 0;
        destination[at++] = (frame.IsRemote, frame.IsExtended) switch
        {
            (false, false) => (byte)'t',
            (false, true) => (byte)'T',
            (true, false) => (byte)'r',
            (true, true) => (byte)'R',
        };
        at = WriteHex(destination, at, frame.Id, idDigits);
        destination[at++] = (byte)('0' + frame.Length);
        for (int i = 0; i < dataDigits / 2; i++) at = WriteHex(destination, at, frame.Data[i], 2);
        if (timestampMs >= 0) at = WriteHex(destination, at, (uint)(timestampMs & 0xFFFF), 4);
        destination[at++] = (byte)'\r';
        return at;
    }

    /// <summary>
    /// Writes <paramref name="frame"/> as a transmit line (CR included): a classic frame (no FDF) as
    /// <see cref="EncodeFrame"/> does, an FD frame as <c>d</c>/<c>D</c> (no BRS) or <c>b</c>/<c>B</c> (BRS) with the DLC
    /// as one hex digit 0..F (CANable 2.0 firmware). ESI is not carried. Returns the bytes written, or 0 when the frame
    /// cannot be sent over SLCAN (remote or error flags on an FD frame, a length no DLC expresses, an identifier out of
    /// range) or the buffer is too small.
    /// </summary>
    public static int EncodeFdFrame(in CanFdFrame frame, Span<byte> destination, int timestampMs = -1)
    {
        if (!frame.IsFd) return frame.TryToClassic(out var classic) ? EncodeFrame(classic, destination, timestampMs) : 0;
        if ((frame.Flags & (CanFrameFlags.Remote | CanFrameFlags.Error)) != 0 || !CanFdDlc.IsValidLength(frame.Length)
            || !CanFrame.IsValidId(frame.Id, frame.IsExtended)) return 0;
        int idDigits = frame.IsExtended ? 8 : 3;
        int total = 1 + idDigits + 1 + 2 * frame.Length + (timestampMs >= 0 ? 4 : 0) + 1;
        if (destination.Length < total) return 0;

        int at = 0;
        destination[at++] = (frame.BitRateSwitch, frame.IsExtended) switch
        {
            (false, false) => (byte)'d',
            (false, true) => (byte)'D',
            (true, false) => (byte)'b',
            (true, true) => (byte)'B',
        };
        at = WriteHex(destination, at, frame.Id, idDigits);
        destination[at++] = HexDigits[CanFdDlc.DlcFor(frame.Length)];
        for (int i = 0; i < frame.Length; i++) at = WriteHex(destination, at, frame.Data[i], 2);
        if (timestampMs >= 0) at = WriteHex(destination, at, (uint)(timestampMs & 0xFFFF), 4);
        destination[at++] = (byte)'\r';
        return at;
    }

    /// <summary>Writes <c>Yn\r</c> (CAN FD data bit rate, n = Mbit/s) for <paramref name="bitsPerSecond"/>; returns 3.</summary>
    /// <exception cref="ArgumentOutOfRangeException">When the dialect has no FD or no code for that rate.</exception>
    public static int EncodeDataBitrate(int bitsPerSecond, SlcanDialect dialect, Span<byte> destination)
    {
        int code = SlcanBitrates.DataCodeFor(bitsPerSecond, dialect);
        destination[0] = (byte)'Y';
        destination[1] = (byte)('0' + code);
        destination[2] = (byte)'\r';
        return 3;
    }

    /// <summary>Writes <c>Sn\r</c> for <paramref name="bitsPerSecond"/> in <paramref name="dialect"/>; returns 3.</summary>
    /// <exception cref="ArgumentOutOfRangeException">When the dialect has no code for that rate.</exception>
    public static int EncodeBitrate(int bitsPerSecond, SlcanDialect dialect, Span<byte> destination)
    {
        int code = SlcanBitrates.CodeFor(bitsPerSecond, dialect);
        destination[0] = (byte)'S';
        destination[1] = (byte)('0' + code);
        destination[2] = (byte)'\r';
        return 3;
    }

    /// <summary>The bytes of a one-letter command with its CR: <c>O</c> open, <c>C</c> close, <c>L</c> listen-only, <c>V</c> version, <c>F</c> flags.</summary>
    public static ReadOnlySpan<byte> Command(char letter) => letter switch
    {
        'O' => "O\r"u8,
        'C' => "C\r"u8,
        'L' => "L\r"u8,
        'V' => "V\r"u8,
        'F' => "F\r"u8,
        _ => throw new ArgumentOutOfRangeException(nameof(letter), letter, "SLCAN one-letter commands are O, C, L, V and F."),
    };

    /// <summary>The bytes of <c>Z1\r</c> (timestamps on) or <c>Z0\r</c> (off).</summary>
    public static ReadOnlySpan<byte> Timestamps(bool on) => on ? "Z1\r"u8 : "Z0\r"u8;

    private static int WriteHex(Span<byte> destination, int at, uint value, int digits)
    {
        for (int shift = 4 * (digits - 1); shift >= 0; shift -= 4) destination[at++] = HexDigits[(int)((value >> shift) & 0xF)];
        return at;
    }
}
