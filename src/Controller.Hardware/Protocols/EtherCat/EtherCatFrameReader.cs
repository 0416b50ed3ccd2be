using System.Buffers.Binary;

namespace Controller.Hardware.Protocols.EtherCat;

/// <summary>
/// Walks the datagrams of one received Ethernet frame without allocating or throwing. Usage:
/// <code>
/// if (EtherCatFrameReader.TryCreate(frame, out var reader) != EtherCatDecodeError.None) { count; drop }
/// while (reader.TryReadNext(out var d)) { ... }
/// if (reader.Error != EtherCatDecodeError.None) { count; drop }
/// </code>
/// Datagram lengths must add up exactly to the EtherCAT header's length; bytes after it are Ethernet
/// padding and are ignored. An 802.1Q VLAN tag before the EtherType is skipped.
/// </summary>
public ref struct EtherCatFrameReader
{
    private readonly ReadOnlySpan<byte> _frame;
    private readonly int _end;
    private int _offset;
    private bool _done;

    /// <summary>Why reading stopped early; <see cref="EtherCatDecodeError.None"/> after a clean end.</summary>
    public EtherCatDecodeError Error { get; private set; }

    /// <summary>Offset of the byte where <see cref="Error"/> was found (the start of the offending part).</summary>
    public int ErrorOffset { get; private set; }

    /// <summary>The EtherCAT header's length: the bytes of all datagrams together.</summary>
    public int PayloadLength { get; }

    /// <summary>Offset of the first datagram (16, or 20 with a VLAN tag).</summary>
    public int FirstDatagramOffset { get; }

    private EtherCatFrameReader(ReadOnlySpan<byte> frame, int firstDatagram, int payloadLength)
    {
        _frame = frame;
        FirstDatagramOffset = firstDatagram;
        PayloadLength = payloadLength;
        _offset = firstDatagram;
        _end = firstDatagram + payloadLength;
    }

    /// <summary>Checks the Ethernet and EtherCAT headers and positions a reader at the first datagram.</summary>
    /// <param name="frame">A received Ethernet frame without FCS.</param>
    /// <param name="reader">The reader; usable only when the result is <see cref="EtherCatDecodeError.None"/>.</param>
    /// <returns>What is wrong with the headers, or None.</returns>
    public static EtherCatDecodeError TryCreate(ReadOnlySpan<byte> frame, out EtherCatFrameReader reader)
    {
        reader = default;
        int typeOffset = 12;
        if (frame.Length < EtherCatFrameLayout.FirstDatagramOffset)
            return EtherCatDecodeError.FrameTooShort;
        ushort etherType = BinaryPrimitives.ReadUInt16BigEndian(frame[typeOffset..]);
        if (etherType == EtherCatFrameLayout.VlanEtherType)
        {
            typeOffset += 4;
            if (frame.Length < typeOffset + 2 + EtherCatFrameLayout.FrameHeaderBytes)
                return EtherCatDecodeError.FrameTooShort;
            etherType = BinaryPrimitives.ReadUInt16BigEndian(frame[typeOffset..]);
        }
        if (etherType != EtherCatFrameLayout.EtherType)
            return EtherCatDecodeError.NotEtherCat;
        int headerOffset = typeOffset + 2;
        ushort header = BinaryPrimitives.ReadUInt16LittleEndian(frame[headerOffset..]);
        if (header >> 12 != EtherCatFrameLayout.DatagramFrameType)
            return EtherCatDecodeError.UnsupportedFrameType;
        int length = header & EtherCatFrameLayout.MaxElevenBitLength;
        int first = headerOffset + EtherCatFrameLayout.FrameHeaderBytes;
        if (first + length > frame.Length)
            return EtherCatDecodeError.FrameLengthExceedsFrame;
        if (length < EtherCatFrameLayout.DatagramOverheadBytes)
            return EtherCatDecodeError.NoDatagrams;
        reader = new EtherCatFrameReader(frame, first, length);
        return EtherCatDecodeError.None;
    }

    /// <summary>Decodes the next datagram.</summary>
    /// <param name="datagram">The datagram when the result is true.</param>
    /// <returns>False at the end of the frame or at the first error (see <see cref="Error"/>).</returns>
    public bool TryReadNext(out EtherCatDatagram datagram)
    {
        datagram = default;
        if (_done || _end == 0)
            return false;
        int remaining = _end - _offset;
        if (remaining < EtherCatFrameLayout.DatagramHeaderBytes)
            return Fail(EtherCatDecodeError.DatagramHeaderTruncated);
        var h = _frame.Slice(_offset, EtherCatFrameLayout.DatagramHeaderBytes);
        if (!EtherCatCommandInfo.IsDefined(h[0]))
            return Fail(EtherCatDecodeError.UnknownCommand);
        ushort lengthWord = BinaryPrimitives.ReadUInt16LittleEndian(h[6..]);
        int dataLength = lengthWord & EtherCatFrameLayout.LengthMask;
        int total = EtherCatFrameLayout.DatagramOverheadBytes + dataLength;
        if (total > remaining)
            return Fail(EtherCatDecodeError.DatagramDataTruncated);
        bool more = (lengthWord & EtherCatFrameLayout.MoreFollowsBit) != 0;
        bool last = total == remaining;
        if (more && last)
            return Fail(EtherCatDecodeError.MoreFollowsPastEnd);
        if (!more && !last)
            return Fail(EtherCatDecodeError.TrailingBytesAfterLastDatagram);

        int dataOffset = _offset + EtherCatFrameLayout.DatagramHeaderBytes;
        datagram = new EtherCatDatagram(
            (EtherCatCommand)h[0], h[1], BinaryPrimitives.ReadUInt32LittleEndian(h[2..]),
            (lengthWord & EtherCatFrameLayout.CirculatingBit) != 0, more,
            BinaryPrimitives.ReadUInt16LittleEndian(h[8..]),
            _frame.Slice(dataOffset, dataLength),
            BinaryPrimitives.ReadUInt16LittleEndian(_frame[(dataOffset + dataLength)..]),
            _offset);
        _offset += total;
        _done = last;
        return true;
    }

    private bool Fail(EtherCatDecodeError error)
    {
        Error = error;
        ErrorOffset = _offset;
        _done = true;
        return false;
    }
}
