using Controller.Hardware.Transports.Can;

namespace Controller.Hardware.Protocols.Slcan;

/// <summary>
/// Streaming decoder of what an SLCAN adapter sends: bytes in, one <see cref="SlcanMessage"/> per completed line
/// out. Lines end with CR (0x0D); BEL (0x07) is an error reply on its own. Classic frame lines (<c>t T r R</c>) and the
/// CANable 2.0 CAN FD lines (<c>d D b B</c>) are both decoded, whatever the adapter's dialect.
/// </summary>
/// <remarks>
/// Never throws and never allocates. Resynchronisation: a line that is not valid SLCAN is dropped whole at its CR
/// (reported as <see cref="SlcanDecodeResult.Malformed"/>); a line longer than any valid one is dropped up to the
/// next CR or BEL; LF bytes are ignored (some adapters end lines with CR LF). Any byte sequence therefore leaves the
/// decoder ready for the next valid line. Not thread-safe: one reader thread feeds it.
/// </remarks>
public sealed class SlcanDecoder
{
    /// <summary>Longest valid line without its CR: <c>B</c> + 8 id + 1 DLC + 128 data (64 bytes) + 4 timestamp.</summary>
    public const int MaxLineLength = 142;

    /// <summary>Longest valid classic line without its CR: <c>T</c> + 8 id + 1 length + 16 data + 4 timestamp.</summary>
    public const int MaxClassicLineLength = 30;

    private readonly byte[] _line = new byte[MaxLineLength];
    private int _length;
    private bool _overflowed;

    /// <summary>Lines dropped as malformed or overlong since creation.</summary>
    public long MalformedLines { get; private set; }

    /// <summary>Feeds one byte; when a line completes, decodes it into <paramref name="message"/>.</summary>
    public SlcanDecodeResult Push(byte value, out SlcanMessage message)
    {
        message = default;
        switch (value)
        {
            case (byte)'\r':
                return EndLine(ref message);
            case 0x07:
                // A BEL ends whatever was pending: the adapter gave up on that line.
                bool hadPartial = _length > 0 || _overflowed;
                Reset();
                if (hadPartial) MalformedLines++;
                message.Kind = SlcanMessageKind.Error;
                return SlcanDecodeResult.Message;
            case (byte)'\n':
                return SlcanDecodeResult.NeedMore;
        }
        if (_length == MaxLineLength) _overflowed = true;
        else if (!_overflowed) _line[_length++] = value;
        return SlcanDecodeResult.NeedMore;
    }

    /// <summary>Decodes one complete line (without its CR); false when it is not valid SLCAN.</summary>
    public static bool TryDecodeLine(ReadOnlySpan<byte> line, out SlcanMessage message)
    {
        message = default;
        if (line.IsEmpty)
        {
            message.Kind = SlcanMessageKind.Ok;
            return true;
        }
        switch (line[0])
        {
            case (byte)'t': return TryDecodeFrame(line, idDigits: 3, remote: false, ref message);
            case (byte)'T': return TryDecodeFrame(line, idDigits: 8, remote: false, ref message);
            case (byte)'r': return TryDecodeFrame(line, idDigits: 3, remote: true, ref message);
            case (byte)'R': return TryDecodeFrame(line, idDigits: 8, remote: true, ref message);
            case (byte)'d': return TryDecodeFdFrame(line, idDigits: 3, bitRateSwitch: false, ref message);
            case (byte)'D': return TryDecodeFdFrame(line, idDigits: 8, bitRateSwitch: false, ref message);
            case (byte)'b': return TryDecodeFdFrame(line, idDigits: 3, bitRateSwitch: true, ref message);
            case (byte)'B': return TryDecodeFdFrame(line, idDigits: 8, bitRateSwitch: true, ref message);
            case (byte)'z':
            case (byte)'Z':
                if (line.Length != 1) return false;
                message.Kind = SlcanMessageKind.TransmitAck;
                return true;
            case (byte)'V':
                if (line.Length != 5 || !TryHex(line[1..5], out uint version)) return false;
                message.Kind = SlcanMessageKind.Version;
                message.Value = (ushort)version;
                return true;
            case (byte)'F':
                if (line.Length != 3 || !TryHex(line[1..3], out uint flags)) return false;
                message.Kind = SlcanMessageKind.StatusFlags;
                message.Value = (ushort)flags;
                return true;
            default:
                return false;
        }
    }

    private SlcanDecodeResult EndLine(ref SlcanMessage message)
    {
        bool overflowed = _overflowed;
        var line = _line.AsSpan(0, _length);
        bool ok = !overflowed && TryDecodeLine(line, out message);
        Reset();
        if (ok) return SlcanDecodeResult.Message;
        message = default;
        MalformedLines++;
        return SlcanDecodeResult.Malformed;
    }

    private void Reset()
    {
        _length = 0;
        _overflowed = false;
    }

    private static bool TryDecodeFrame(ReadOnlySpan<byte> line, int idDigits, bool remote, ref SlcanMessage message)
    {
        int lengthAt = 1 + idDigits;
        if (line.Length < lengthAt + 1) return false;
        if (!TryHex(line.Slice(1, idDigits), out uint id)) return false;
        bool extended = idDigits == 8;
        if (!CanFrame.IsValidId(id, extended)) return false;
        int length = line[lengthAt] - '0';
        if ((uint)length > CanFrame.MaxClassicLength) return false;
        int dataChars = remote ? 0 : 2 * length;
        int rest = line.Length - (lengthAt + 1 + dataChars);
        if (rest != 0 && rest != 4) return false;

        var frame = new CanFrame
        {
            Id = id,
            Length = (byte)length,
            Flags = (extended ? CanFrameFlags.Extended : CanFrameFlags.None) | (remote ? CanFrameFlags.Remote : CanFrameFlags.None),
        };
        var data = line.Slice(lengthAt + 1, dataChars);
        for (int i = 0; i < dataChars / 2; i++)
        {
            if (!TryHex(data.Slice(2 * i, 2), out uint b)) return false;
            frame.Data[i] = (byte)b;
        }
        if (rest == 4)
        {
            if (!TryHex(line[^4..], out uint ms)) return false;
            message.HasTimestamp = true;
            message.TimestampMs = (ushort)ms;
        }
        message.Kind = SlcanMessageKind.Frame;
        message.Frame = frame;
        return true;
    }

    /// <summary>
    /// <c>d</c>/<c>D</c>/<c>b</c>/<c>B</c> (CANable 2.0 firmware): id, the DLC as one hex digit 0..F
    /// (<see cref="CanFdDlc.LengthOf"/>), 2 hex digits per data byte, optionally a 4-digit timestamp.
    /// </summary>
    private static bool TryDecodeFdFrame(ReadOnlySpan<byte> line, int idDigits, bool bitRateSwitch, ref SlcanMessage message)
    {
        int dlcAt = 1 + idDigits;
        if (line.Length < dlcAt + 1) return false;
        if (!TryHex(line.Slice(1, idDigits), out uint id)) return false;
        bool extended = idDigits == 8;
        if (!CanFrame.IsValidId(id, extended)) return false;
        if (!TryHex(line.Slice(dlcAt, 1), out uint dlc)) return false;
        int length = CanFdDlc.LengthOf((int)dlc);
        int dataChars = 2 * length;
        int rest = line.Length - (dlcAt + 1 + dataChars);
        if (rest != 0 && rest != 4) return false;

        var frame = new CanFdFrame
        {
            Id = id,
            Length = (byte)length,
            Flags = CanFrameFlags.FlexibleDataRate
                | (extended ? CanFrameFlags.Extended : CanFrameFlags.None)
                | (bitRateSwitch ? CanFrameFlags.BitRateSwitch : CanFrameFlags.None),
        };
        var data = line.Slice(dlcAt + 1, dataChars);
        for (int i = 0; i < length; i++)
        {
            if (!TryHex(data.Slice(2 * i, 2), out uint b)) return false;
            frame.Data[i] = (byte)b;
        }
        if (rest == 4)
        {
            if (!TryHex(line[^4..], out uint ms)) return false;
            message.HasTimestamp = true;
            message.TimestampMs = (ushort)ms;
        }
        message.Kind = SlcanMessageKind.FdFrame;
        message.FdFrame = frame;
        return true;
    }

    private static bool TryHex(ReadOnlySpan<byte> digits, out uint value)
    {
        value = 0;
        foreach (byte c in digits)
        {
            int nibble = c switch
            {
                >= (byte)'0' and <= (byte)'9' => c - '0',
                >= (byte)'A' and <= (byte)'F' => c - 'A' + 10,
                >= (byte)'a' and <= (byte)'f' => c - 'a' + 10,
                _ => -1,
            };
            if (nibble < 0) return false;
            value = (value << 4) | (uint)nibble;
        }
        return true;
    }
}
