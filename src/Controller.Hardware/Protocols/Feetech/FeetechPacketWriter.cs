using System.Buffers.Binary;

namespace Controller.Hardware.Protocols.Feetech;

/// <summary>
/// Builds one Feetech packet in a caller-provided buffer without allocating: <see cref="Begin"/>, append the
/// parameters, <see cref="Finish"/> (length and checksum). A status packet is built with the error byte in place of
/// the instruction. A buffer too small, or more than 253 parameter bytes, throws <see cref="ArgumentException"/>.
/// </summary>
public ref struct FeetechPacketWriter
{
    private readonly Span<byte> _buffer;
    private readonly FeetechByteOrder _order;
    private int _position;

    private FeetechPacketWriter(Span<byte> buffer, FeetechByteOrder order)
    {
        _buffer = buffer;
        _order = order;
        _position = 5;
    }

    /// <summary>Starts a packet to <paramref name="id"/> with <paramref name="command"/> (an instruction, or a status error byte).</summary>
    public static FeetechPacketWriter Begin(Span<byte> buffer, byte id, byte command, FeetechByteOrder order = FeetechByteOrder.LittleEndian)
    {
        if (buffer.Length < FeetechPacket.OverheadBytes)
            throw new ArgumentException($"packet buffer must hold at least {FeetechPacket.OverheadBytes} bytes; it holds {buffer.Length}.", nameof(buffer));
        buffer[0] = FeetechPacket.Header;
        buffer[1] = FeetechPacket.Header;
        buffer[2] = id;
        buffer[4] = command;
        return new FeetechPacketWriter(buffer, order);
    }

    /// <summary>Appends one byte.</summary>
    public void WriteByte(byte value)
    {
        Ensure(1);
        _buffer[_position++] = value;
    }

    /// <summary>Appends a 2-byte value in the servo family's byte order.</summary>
    public void WriteUInt16(ushort value)
    {
        Ensure(2);
        if (_order == FeetechByteOrder.LittleEndian) BinaryPrimitives.WriteUInt16LittleEndian(_buffer[_position..], value);
        else BinaryPrimitives.WriteUInt16BigEndian(_buffer[_position..], value);
        _position += 2;
    }

    /// <summary>Appends bytes as they are.</summary>
    public void WriteBytes(ReadOnlySpan<byte> bytes)
    {
        Ensure(bytes.Length);
        bytes.CopyTo(_buffer[_position..]);
        _position += bytes.Length;
    }

    /// <summary>Writes the length and checksum; returns the packet's size.</summary>
    public int Finish()
    {
        _buffer[3] = (byte)(_position - 5 + 2);
        _buffer[_position] = FeetechPacket.Checksum(_buffer[2.._position]);
        return _position + 1;
    }

    private readonly void Ensure(int bytes)
    {
        if (_position + bytes + 1 > _buffer.Length)
            throw new ArgumentException($"packet buffer of {_buffer.Length} bytes is too small for {_position + bytes + 1} bytes.");
        if (_position + bytes - 5 > 253)
            throw new ArgumentException($"a Feetech packet carries at most 253 parameter bytes; this one would carry {_position + bytes - 5}.");
    }
}
