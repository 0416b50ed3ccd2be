namespace Controller.Hardware.Protocols.Robotiq;

/// <summary>
/// Cuts FT 300 stream frames out of arbitrary read pieces: bytes before a 20 4E header are skipped (counted); a header
/// whose frame fails its CRC costs one byte only, so a false header inside noise or inside a frame's data never hides
/// the real frame behind it. Fixed buffer, no allocation after construction; never throws.
/// </summary>
/// <remarks>Use: write into <see cref="GetWriteSpace"/>, <see cref="Commit"/> the count, then call <see cref="TryNext"/> until <see cref="Ft300StreamResult.NeedMoreData"/>.</remarks>
public sealed class Ft300StreamDecoder
{
    private readonly byte[] _buffer;
    private int _start;
    private int _end;

    /// <summary>Creates a decoder holding at most <paramref name="capacity"/> unread bytes (≥ 2 frames).</summary>
    public Ft300StreamDecoder(int capacity = 1024)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 2 * Ft300StreamFrame.Length);
        _buffer = new byte[capacity];
    }

    /// <summary>Valid frames returned.</summary>
    public long Frames { get; private set; }

    /// <summary>Headers whose frame failed the CRC.</summary>
    public long CrcMismatches { get; private set; }

    /// <summary>Bytes dropped while searching for a header (noise, Modbus replies, partial frames).</summary>
    public long SkippedBytes { get; private set; }

    /// <summary>Bytes waiting in the buffer.</summary>
    public int Buffered => _end - _start;

    /// <summary>Free space at the end of the buffer to read into; compacts first and, if the buffer is still full of undecodable bytes, drops the oldest.</summary>
    public Span<byte> GetWriteSpace()
    {
        if (_start > 0)
        {
            _buffer.AsSpan(_start, _end - _start).CopyTo(_buffer);
            _end -= _start;
            _start = 0;
        }
        if (_end == _buffer.Length)
        {
            int drop = _buffer.Length - Ft300StreamFrame.Length;
            SkippedBytes += drop;
            _buffer.AsSpan(drop, _end - drop).CopyTo(_buffer);
            _end -= drop;
        }
        return _buffer.AsSpan(_end);
    }

    /// <summary>Adds <paramref name="count"/> bytes written into the last <see cref="GetWriteSpace"/>.</summary>
    public void Commit(int count)
    {
        if (count <= 0) return;
        _end = Math.Min(_end + count, _buffer.Length);
    }

    /// <summary>Appends bytes (copying) — convenient for tests and twins; drops what does not fit.</summary>
    public void Append(ReadOnlySpan<byte> bytes)
    {
        while (!bytes.IsEmpty)
        {
            var space = GetWriteSpace();
            int n = Math.Min(space.Length, bytes.Length);
            bytes[..n].CopyTo(space);
            Commit(n);
            bytes = bytes[n..];
        }
    }

    /// <summary>Forgets every buffered byte.</summary>
    public void Clear() => _start = _end = 0;

    /// <summary>The next frame in the buffer, if any.</summary>
    public Ft300StreamResult TryNext(out Ft300Sample sample)
    {
        sample = default;
        while (_end - _start >= 2)
        {
            var data = _buffer.AsSpan(_start, _end - _start);
            if (data[0] != Ft300StreamFrame.Header0 || data[1] != Ft300StreamFrame.Header1)
            {
                int next = data[1..].IndexOf(Ft300StreamFrame.Header0);
                int skip = next < 0 ? data.Length : next + 1;
                _start += skip;
                SkippedBytes += skip;
                continue;
            }
            if (data.Length < Ft300StreamFrame.Length) return Ft300StreamResult.NeedMoreData;
            if (Ft300StreamFrame.TryDecode(data, out sample))
            {
                _start += Ft300StreamFrame.Length;
                Frames++;
                return Ft300StreamResult.Frame;
            }
            _start++;
            CrcMismatches++;
            return Ft300StreamResult.CrcMismatch;
        }
        return Ft300StreamResult.NeedMoreData;
    }
}
