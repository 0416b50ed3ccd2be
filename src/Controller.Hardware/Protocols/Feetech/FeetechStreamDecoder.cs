namespace Controller.Hardware.Protocols.Feetech;

/// <summary>
/// Reassembles Feetech packets from a byte stream that arrives in arbitrary pieces (a serial port's reads): receive
/// into <see cref="GetWriteSpace"/>, <see cref="Commit"/> the count, then call <see cref="TryNext"/> until it returns
/// <see cref="FeetechDecodeResult.NeedMoreData"/>. Garbage and damaged packets are skipped and counted; the stream
/// resynchronises on the next valid header. Preallocated; nothing allocates or throws after construction (except
/// <see cref="Commit"/> given a count larger than the space it handed out: a programming error).
/// </summary>
public sealed class FeetechStreamDecoder
{
    private readonly byte[] _buffer;
    private int _start;
    private int _end;

    /// <summary>Creates a decoder holding up to <paramref name="capacity"/> unread bytes (at least two maximum packets).</summary>
    /// <exception cref="ArgumentOutOfRangeException">Capacity below two maximum packets.</exception>
    public FeetechStreamDecoder(int capacity = 4 * FeetechPacket.MaxPacketBytes)
    {
        if (capacity < 2 * FeetechPacket.MaxPacketBytes)
            throw new ArgumentOutOfRangeException(nameof(capacity), capacity, $"capacity must be at least {2 * FeetechPacket.MaxPacketBytes} bytes (two maximum packets).");
        _buffer = new byte[capacity];
    }

    /// <summary>Bytes received and not yet decoded or dropped.</summary>
    public int Buffered => _end - _start;

    /// <summary>Bytes dropped as garbage between packets.</summary>
    public long GarbageBytes { get; private set; }

    /// <summary>Packets dropped for a checksum mismatch.</summary>
    public long ChecksumMismatches { get; private set; }

    /// <summary>Headers dropped for an impossible length, or as a false header hiding a real packet.</summary>
    public long MalformedPackets { get; private set; }

    /// <summary>Bytes dropped because the buffer was full of bytes holding no packet.</summary>
    public long OverflowBytes { get; private set; }

    /// <summary>Free space to receive into; pass the count received to <see cref="Commit"/>.</summary>
    public Span<byte> GetWriteSpace()
    {
        if (_end == _buffer.Length && _start > 0) Compact();
        if (_end == _buffer.Length)
        {
            // Full of bytes that hold no packet (a false header claiming a long one): keep the newest half.
            int drop = _buffer.Length / 2;
            OverflowBytes += drop;
            _start += drop;
            Compact();
        }
        return _buffer.AsSpan(_end);
    }

    /// <summary>Marks <paramref name="count"/> bytes of the last <see cref="GetWriteSpace"/> as received.</summary>
    /// <exception cref="ArgumentOutOfRangeException">More than the write space.</exception>
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
    /// Decodes the next packet, copying its parameters to the start of <paramref name="parameters"/> (at least 253
    /// bytes; <paramref name="info"/>'s ParameterOffset is then 0). Returns <see cref="FeetechDecodeResult.Packet"/>,
    /// <see cref="FeetechDecodeResult.NeedMoreData"/>, or a damaged-packet result (already dropped and counted; call
    /// again to continue). A packet whose parameters do not fit <paramref name="parameters"/> is dropped as malformed.
    /// </summary>
    public FeetechDecodeResult TryNext(Span<byte> parameters, out FeetechPacketInfo info)
    {
        var input = _buffer.AsSpan(_start, _end - _start);
        var result = FeetechPacketDecoder.TryDecode(input, out info, out int consumed);
        switch (result)
        {
            case FeetechDecodeResult.NeedMoreData: GarbageBytes += consumed; break;
            case FeetechDecodeResult.ChecksumMismatch: ChecksumMismatches++; break;
            case FeetechDecodeResult.Malformed: MalformedPackets++; break;
            case FeetechDecodeResult.Packet:
                if (info.ParameterLength > parameters.Length)
                {
                    MalformedPackets++;
                    info = default;
                    result = FeetechDecodeResult.Malformed;
                    break;
                }
                input.Slice(info.ParameterOffset, info.ParameterLength).CopyTo(parameters);
                info = info with { ParameterOffset = 0 };
                break;
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
