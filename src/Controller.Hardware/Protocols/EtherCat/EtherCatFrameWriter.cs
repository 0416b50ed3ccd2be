using System.Buffers.Binary;

namespace Controller.Hardware.Protocols.EtherCat;

/// <summary>
/// Builds one EtherCAT frame into a caller-provided buffer without allocating: write the Ethernet header
/// (constructor), append datagrams (the previous one's more-follows bit is set as each is added), then
/// <see cref="Finish"/> writes the EtherCAT header and pads to the Ethernet minimum.
/// Appending returns false instead of throwing when the frame is full, so the cyclic path can split.
/// </summary>
public ref struct EtherCatFrameWriter
{
    private readonly Span<byte> _buffer;
    private readonly int _capacityEnd;
    private int _offset;
    private int _lastHeaderOffset;

    /// <summary>How many datagrams have been appended.</summary>
    public int DatagramCount { get; private set; }

    /// <summary>Bytes of datagrams written so far (the value the EtherCAT header will carry).</summary>
    public readonly int PayloadLength => _offset - EtherCatFrameLayout.FirstDatagramOffset;

    /// <summary>Bytes still free for datagrams (header, data and working counter).</summary>
    public readonly int RemainingBytes => _capacityEnd - _offset;

    /// <summary>Starts a frame: writes destination, source and EtherType.</summary>
    /// <param name="buffer">At least <see cref="EtherCatFrameLayout.MinEthernetFrameBytes"/> bytes; frames never exceed 1514 bytes.</param>
    /// <param name="destination">Destination MAC (masters conventionally use broadcast).</param>
    /// <param name="source">Source MAC. Slaves set bit 1 of the first octet of the source on the way back.</param>
    /// <exception cref="ArgumentException">buffer is shorter than 60 bytes (a programming error).</exception>
    public EtherCatFrameWriter(Span<byte> buffer, MacAddress destination, MacAddress source)
    {
        if (buffer.Length < EtherCatFrameLayout.MinEthernetFrameBytes)
            throw new ArgumentException(
                $"frame buffer has {buffer.Length} bytes; it needs at least {EtherCatFrameLayout.MinEthernetFrameBytes}", nameof(buffer));
        _buffer = buffer;
        _capacityEnd = Math.Min(buffer.Length, EtherCatFrameLayout.MaxEthernetFrameBytes);
        destination.WriteTo(buffer);
        source.WriteTo(buffer[6..]);
        BinaryPrimitives.WriteUInt16BigEndian(buffer[12..], EtherCatFrameLayout.EtherType);
        _offset = EtherCatFrameLayout.FirstDatagramOffset;
        _lastHeaderOffset = -1;
        DatagramCount = 0;
    }

    /// <summary>Appends a datagram and returns its data area for the caller to fill; the working counter is zeroed.</summary>
    /// <param name="command">Command.</param>
    /// <param name="index">Index to match the reply.</param>
    /// <param name="address">Raw address (ADP | ADO &lt;&lt; 16, or logical).</param>
    /// <param name="dataLength">Data bytes, 0..<see cref="EtherCatFrameLayout.MaxDatagramDataBytes"/>.</param>
    /// <param name="data">The data area inside the buffer (zeroed).</param>
    /// <param name="irq">IRQ field; masters send 0.</param>
    /// <returns>False (and nothing written) when the datagram does not fit or dataLength is out of range.</returns>
    public bool TryAppend(EtherCatCommand command, byte index, uint address, int dataLength, out Span<byte> data, ushort irq = 0)
    {
        data = default;
        if (dataLength < 0 || dataLength > EtherCatFrameLayout.MaxDatagramDataBytes)
            return false;
        int total = EtherCatFrameLayout.DatagramOverheadBytes + dataLength;
        if (total > RemainingBytes)
            return false;
        if (_lastHeaderOffset >= 0)
        {
            var previous = _buffer[(_lastHeaderOffset + 6)..];
            BinaryPrimitives.WriteUInt16LittleEndian(previous,
                (ushort)(BinaryPrimitives.ReadUInt16LittleEndian(previous) | EtherCatFrameLayout.MoreFollowsBit));
        }
        var h = _buffer[_offset..];
        h[0] = (byte)command;
        h[1] = index;
        BinaryPrimitives.WriteUInt32LittleEndian(h[2..], address);
        BinaryPrimitives.WriteUInt16LittleEndian(h[6..], (ushort)dataLength);
        BinaryPrimitives.WriteUInt16LittleEndian(h[8..], irq);
        data = _buffer.Slice(_offset + EtherCatFrameLayout.DatagramHeaderBytes, dataLength);
        data.Clear();
        BinaryPrimitives.WriteUInt16LittleEndian(_buffer[(_offset + EtherCatFrameLayout.DatagramHeaderBytes + dataLength)..], 0);
        _lastHeaderOffset = _offset;
        _offset += total;
        DatagramCount++;
        return true;
    }

    /// <summary>Appends a datagram carrying a copy of <paramref name="data"/>.</summary>
    /// <returns>False (and nothing written) when it does not fit.</returns>
    public bool TryAppend(EtherCatCommand command, byte index, uint address, ReadOnlySpan<byte> data, ushort irq = 0)
    {
        if (!TryAppend(command, index, address, data.Length, out var area, irq))
            return false;
        data.CopyTo(area);
        return true;
    }

    /// <summary>Writes the EtherCAT header, zero-pads to 60 bytes and returns the frame's length in bytes.</summary>
    /// <returns>The number of bytes of <c>buffer</c> to send.</returns>
    public readonly int Finish()
    {
        int payload = PayloadLength;
        BinaryPrimitives.WriteUInt16LittleEndian(_buffer[EtherCatFrameLayout.EthernetHeaderBytes..],
            (ushort)(payload | (EtherCatFrameLayout.DatagramFrameType << 12)));
        int length = Math.Max(_offset, EtherCatFrameLayout.MinEthernetFrameBytes);
        _buffer[_offset..length].Clear();
        return length;
    }
}
