using System.Buffers.Binary;

namespace Controller.Hardware.Protocols.Dynamixel;

/// <summary>
/// Builds one packet in a caller-provided buffer without allocating: <see cref="Begin"/>, append the parameters,
/// <see cref="Finish"/> (stuffing, length, CRC). Status packets are built the same way with
/// <see cref="DynamixelInstruction.Status"/> and the error byte as the first parameter.
/// </summary>
/// <remarks>A buffer too small for the packet is a programmer error (buffers are sized when a driver is built) and throws <see cref="ArgumentException"/>.</remarks>
public ref struct DynamixelInstructionWriter
{
    private readonly Span<byte> _buffer;
    private int _position;

    private DynamixelInstructionWriter(Span<byte> buffer)
    {
        _buffer = buffer;
        _position = DynamixelPacket.InstructionOffset + 1;
    }

    /// <summary>Starts a packet to <paramref name="id"/> in <paramref name="buffer"/>.</summary>
    public static DynamixelInstructionWriter Begin(Span<byte> buffer, byte id, DynamixelInstruction instruction)
    {
        if (buffer.Length < DynamixelPacket.OverheadBytes)
            throw new ArgumentException($"packet buffer must hold at least {DynamixelPacket.OverheadBytes} bytes; it holds {buffer.Length}.", nameof(buffer));
        buffer[0] = DynamixelPacket.Header1;
        buffer[1] = DynamixelPacket.Header2;
        buffer[2] = DynamixelPacket.Header3;
        buffer[3] = DynamixelPacket.Reserved;
        buffer[DynamixelPacket.IdOffset] = id;
        buffer[DynamixelPacket.InstructionOffset] = (byte)instruction;
        return new DynamixelInstructionWriter(buffer);
    }

    /// <summary>Parameter bytes appended so far (before stuffing).</summary>
    public readonly int ParameterBytes => _position - DynamixelPacket.InstructionOffset - 1;

    /// <summary>Appends one byte.</summary>
    public void WriteByte(byte value)
    {
        Ensure(1);
        _buffer[_position++] = value;
    }

    /// <summary>Appends a little-endian 16-bit value.</summary>
    public void WriteUInt16(ushort value)
    {
        Ensure(2);
        BinaryPrimitives.WriteUInt16LittleEndian(_buffer[_position..], value);
        _position += 2;
    }

    /// <summary>Appends a little-endian 32-bit value (two's complement for negative control-table values).</summary>
    public void WriteInt32(int value)
    {
        Ensure(4);
        BinaryPrimitives.WriteInt32LittleEndian(_buffer[_position..], value);
        _position += 4;
    }

    /// <summary>Appends <paramref name="value"/> in <paramref name="size"/> (1, 2 or 4) little-endian bytes.</summary>
    public void WriteValue(int value, int size)
    {
        switch (size)
        {
            case 1: WriteByte((byte)value); break;
            case 2: WriteUInt16((ushort)value); break;
            case 4: WriteInt32(value); break;
            default: throw new ArgumentOutOfRangeException(nameof(size), size, "control-table items are 1, 2 or 4 bytes.");
        }
    }

    /// <summary>Appends bytes.</summary>
    public void WriteBytes(ReadOnlySpan<byte> bytes)
    {
        Ensure(bytes.Length);
        bytes.CopyTo(_buffer[_position..]);
        _position += bytes.Length;
    }

    /// <summary>Stuffs the instruction and parameters, writes the length and CRC, and returns the packet's size in bytes.</summary>
    public int Finish()
    {
        var field = _buffer[DynamixelPacket.InstructionOffset.._position];
        int insertions = DynamixelByteStuffing.CountInsertions(field);
        if (_position + insertions + 2 > _buffer.Length)
            throw new ArgumentException($"packet buffer of {_buffer.Length} bytes is too small for {_position + insertions + 2} bytes after stuffing.");
        int stuffedField = DynamixelByteStuffing.StuffInPlace(_buffer[DynamixelPacket.InstructionOffset..], field.Length);
        int end = DynamixelPacket.InstructionOffset + stuffedField;
        BinaryPrimitives.WriteUInt16LittleEndian(_buffer[DynamixelPacket.LengthOffset..], (ushort)(stuffedField + 2));
        BinaryPrimitives.WriteUInt16LittleEndian(_buffer[end..], DynamixelCrc.Compute(_buffer[..end]));
        return end + 2;
    }

    private readonly void Ensure(int bytes)
    {
        if (_position + bytes + 2 > _buffer.Length)
            throw new ArgumentException($"packet buffer of {_buffer.Length} bytes is too small for {_position + bytes + 2} bytes.");
    }
}
