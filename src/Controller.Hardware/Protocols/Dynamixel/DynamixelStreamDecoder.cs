namespace Controller.Hardware.Protocols.Dynamixel;

/// <summary>
/// Reassembles packets from a byte stream that arrives in arbitrary pieces (a serial port's reads): receive into
/// <see cref="GetWriteSpace"/>, <see cref="Commit"/> the count, then call <see cref="TryNext"/> until it returns
/// <see cref="DynamixelDecodeResult.NeedMoreData"/>. Garbage and damaged packets are skipped and counted; the stream
/// resynchronises on the next valid header. Preallocated; nothing allocates after construction.
/// </summary>
public sealed class DynamixelStreamDecoder
{
    private readonly byte[] _buffer;
    private int _start;
    private int _end;

    /// <summary>Creates a decoder holding up to <paramref name="capacity"/> unread bytes (at least two maximum packets).</summary>
    public DynamixelStreamDecoder(int capacity = 2 * DynamixelPacket.MaxPacketBytes)
    {
        if (capacity < 2 * DynamixelPacket.MaxPacketBytes)
            throw new ArgumentOutOfRangeException(nameof(capacity), capacity, $"capacity must be at least {2 * DynamixelPacket.MaxPacketBytes} bytes (two maximum packets).");
        _buffer = new byte[capacity];
    }

    /// <summary>Bytes received and not yet decoded or dropped.</summary>
    public int Buffered => _end - _start;

    /// <summary>Bytes dropped as garbage between packets.</summary>
    public long GarbageBytes { get; private set; }

    /// <summary>Packets dropped for a CRC mismatch.</summary>
    public long CrcMismatches { get; private set; }

    /// <summary>Headers dropped for an impossible ID or length, or a body too large.</summary>
    public long MalformedPackets { get; private set; }

    /// <summary>Bytes dropped because they arrived while the buffer was full (more than two packets unread).</summary>
    public long OverflowBytes { get; private set; }

    /// <summary>Free space to receive into; pass the count received to <see cref="Commit"/>.</summary>
    public Span<byte> GetWriteSpace()
    {
        if (_end == _buffer.Length && _start > 0) Compact();
        if (_end == _buffer.Length)
        {
            // Full of bytes that hold no packet: keep the newest half so the stream can still resynchronise.
            int drop = _buffer.Length / 2;
            OverflowBytes += drop;
            _start += drop;
            Compact();
        }
        return _buffer.AsSpan(_end);
    }

    /// <summary>Marks <paramref name="count"/> bytes of the last <see cref="GetWriteSpace"/> as received.</summary>
    public void Commit(int count)
    {
        if ((uint)count > (uint)(_buffer.Length - _end))
            throw new ArgumentOutOfRangeException(nameof(count), count, $"count must be between 0 and the {_buffer.Length - _end} bytes of write space.");
        _end += count;
    }

    /// <summary>Copies <paramref name="bytes"/> in (for callers that already hold the bytes elsewhere).</summary>
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

    /// <summary>
    /// Decodes the next packet into <paramref name="body"/>. Returns <see cref="DynamixelDecodeResult.Packet"/>,
    /// <see cref="DynamixelDecodeResult.NeedMoreData"/>, or a damaged-packet result (already dropped and counted;
    /// call again to continue).
    /// </summary>
    public DynamixelDecodeResult TryNext(Span<byte> body, out DynamixelPacketInfo info)
    {
        var result = DynamixelPacketDecoder.TryDecode(_buffer.AsSpan(_start, _end - _start), body, out info, out int consumed);
        switch (result)
        {
            case DynamixelDecodeResult.NeedMoreData: GarbageBytes += consumed; break;
            case DynamixelDecodeResult.CrcMismatch: CrcMismatches++; break;
            case DynamixelDecodeResult.Malformed:
            case DynamixelDecodeResult.BodyTooLarge: MalformedPackets++; break;
        }
        _start += consumed;
        if (_start == _end) _start = _end = 0;
        return result;
    }

    /// <summary>Drops every buffered byte (before a new transaction: stale replies must not be taken for new ones).</summary>
    public void Clear() => _start = _end = 0;

    private void Compact()
    {
        int count = _end - _start;
        _buffer.AsSpan(_start, count).CopyTo(_buffer);
        _start = 0;
        _end = count;
    }
}
