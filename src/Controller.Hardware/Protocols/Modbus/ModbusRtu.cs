using System.Buffers.Binary;

namespace Controller.Hardware.Protocols.Modbus;

/// <summary>
/// Modbus RTU frames (Modbus over Serial Line V1.02 §2.5.1: slave, PDU, CRC) for Read Holding Registers (0x03) and
/// Write Multiple Registers (0x10), both directions: encoders write into a caller's span and return the length;
/// decoders look at the start of a span and never throw. On <see cref="ModbusDecodeResult.CrcMismatch"/> or
/// <see cref="ModbusDecodeResult.Malformed"/> a caller drops ONE byte and tries again, so a false start hiding a real
/// frame is not lost. Register values are big-endian (Modbus Application Protocol §4.2).
/// </summary>
public static class ModbusRtu
{
    /// <summary>Longest RTU frame (§2.5.1: 256 bytes).</summary>
    public const int MaxFrameBytes = 256;

    /// <summary>Most registers one Read Holding Registers may ask for (§6.3).</summary>
    public const int MaxReadRegisters = 125;

    /// <summary>Most registers one Write Multiple Registers may carry (§6.12).</summary>
    public const int MaxWriteRegisters = 123;

    /// <summary>Bytes of a Read Holding Registers request and of a Write Multiple Registers response.</summary>
    public const int ShortFrameBytes = 8;

    /// <summary>Encodes a Read Holding Registers request; returns 8.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> not in [1, 125].</exception>
    public static int ReadHoldingRegistersRequest(Span<byte> destination, byte slave, ushort address, ushort count)
    {
        CheckCount(count, MaxReadRegisters);
        destination[0] = slave;
        destination[1] = (byte)ModbusFunction.ReadHoldingRegisters;
        BinaryPrimitives.WriteUInt16BigEndian(destination[2..], address);
        BinaryPrimitives.WriteUInt16BigEndian(destination[4..], count);
        return ModbusCrc.Append(destination, 6);
    }

    /// <summary>Encodes a Write Multiple Registers request; returns 9 + 2·values.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Not 1..123 values.</exception>
    public static int WriteMultipleRegistersRequest(Span<byte> destination, byte slave, ushort address, ReadOnlySpan<ushort> values)
    {
        CheckCount(values.Length, MaxWriteRegisters);
        destination[0] = slave;
        destination[1] = (byte)ModbusFunction.WriteMultipleRegisters;
        BinaryPrimitives.WriteUInt16BigEndian(destination[2..], address);
        BinaryPrimitives.WriteUInt16BigEndian(destination[4..], (ushort)values.Length);
        destination[6] = (byte)(2 * values.Length);
        for (int i = 0; i < values.Length; i++) BinaryPrimitives.WriteUInt16BigEndian(destination[(7 + 2 * i)..], values[i]);
        return ModbusCrc.Append(destination, 7 + 2 * values.Length);
    }

    /// <summary>Encodes a Read Holding Registers response carrying <paramref name="values"/>; returns 5 + 2·values.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Not 1..125 values.</exception>
    public static int ReadHoldingRegistersResponse(Span<byte> destination, byte slave, ReadOnlySpan<ushort> values)
    {
        CheckCount(values.Length, MaxReadRegisters);
        destination[0] = slave;
        destination[1] = (byte)ModbusFunction.ReadHoldingRegisters;
        destination[2] = (byte)(2 * values.Length);
        for (int i = 0; i < values.Length; i++) BinaryPrimitives.WriteUInt16BigEndian(destination[(3 + 2 * i)..], values[i]);
        return ModbusCrc.Append(destination, 3 + 2 * values.Length);
    }

    /// <summary>Encodes a Write Multiple Registers response (echo of address and count); returns 8.</summary>
    public static int WriteMultipleRegistersResponse(Span<byte> destination, byte slave, ushort address, ushort count)
    {
        destination[0] = slave;
        destination[1] = (byte)ModbusFunction.WriteMultipleRegisters;
        BinaryPrimitives.WriteUInt16BigEndian(destination[2..], address);
        BinaryPrimitives.WriteUInt16BigEndian(destination[4..], count);
        return ModbusCrc.Append(destination, 6);
    }

    /// <summary>Encodes an exception response (function | 0x80, code); returns 5.</summary>
    public static int ExceptionResponse(Span<byte> destination, byte slave, byte function, byte exceptionCode)
    {
        destination[0] = slave;
        destination[1] = (byte)(function | 0x80);
        destination[2] = exceptionCode;
        return ModbusCrc.Append(destination, 3);
    }

    /// <summary>Register <paramref name="index"/> of the values of a decoded frame.</summary>
    public static ushort Register(ReadOnlySpan<byte> decoded, in ModbusFrame frame, int index) =>
        BinaryPrimitives.ReadUInt16BigEndian(decoded[(frame.DataOffset + 2 * index)..]);

    /// <summary>Decodes a request (what a slave receives) at the start of <paramref name="input"/>.</summary>
    public static ModbusDecodeResult DecodeRequest(ReadOnlySpan<byte> input, out ModbusFrame frame)
    {
        frame = default;
        if (input.Length < 2) return ModbusDecodeResult.NeedMoreData;
        switch ((ModbusFunction)input[1])
        {
            case ModbusFunction.ReadHoldingRegisters:
            {
                if (input.Length < ShortFrameBytes) return ModbusDecodeResult.NeedMoreData;
                ushort count = BinaryPrimitives.ReadUInt16BigEndian(input[4..]);
                if (count is 0 or > MaxReadRegisters) return ModbusDecodeResult.Malformed;
                frame = Header(input, count, ShortFrameBytes);
                return Check(input, ShortFrameBytes);
            }
            case ModbusFunction.WriteMultipleRegisters:
            {
                if (input.Length < 7) return ModbusDecodeResult.NeedMoreData;
                ushort count = BinaryPrimitives.ReadUInt16BigEndian(input[4..]);
                if (count is 0 or > MaxWriteRegisters || input[6] != 2 * count) return ModbusDecodeResult.Malformed;
                int length = 9 + 2 * count;
                if (input.Length < length) return ModbusDecodeResult.NeedMoreData;
                frame = Header(input, count, length) with { DataOffset = 7, DataLength = 2 * count };
                return Check(input, length);
            }
            default:
                return ModbusDecodeResult.Malformed;
        }
    }

    /// <summary>Decodes the response to a <paramref name="function"/> request (what the master receives) at the start of <paramref name="input"/>.</summary>
    public static ModbusDecodeResult DecodeResponse(ReadOnlySpan<byte> input, ModbusFunction function, out ModbusFrame frame)
    {
        frame = default;
        if (input.Length < 2) return ModbusDecodeResult.NeedMoreData;
        byte code = input[1];
        if (code == ((byte)function | 0x80))
        {
            if (input.Length < 5) return ModbusDecodeResult.NeedMoreData;
            frame = new ModbusFrame { Slave = input[0], Function = (byte)function, ExceptionCode = input[2], Length = 5 };
            return ModbusCrc.IsValid(input[..5]) ? ModbusDecodeResult.ExceptionResponse : ModbusDecodeResult.CrcMismatch;
        }
        if (code != (byte)function) return ModbusDecodeResult.Malformed;
        if (function == ModbusFunction.WriteMultipleRegisters)
        {
            if (input.Length < ShortFrameBytes) return ModbusDecodeResult.NeedMoreData;
            ushort count = BinaryPrimitives.ReadUInt16BigEndian(input[4..]);
            if (count is 0 or > MaxWriteRegisters) return ModbusDecodeResult.Malformed;
            frame = Header(input, count, ShortFrameBytes);
            return Check(input, ShortFrameBytes);
        }
        if (input.Length < 3) return ModbusDecodeResult.NeedMoreData;
        int byteCount = input[2];
        if (byteCount is 0 || byteCount > 2 * MaxReadRegisters || (byteCount & 1) != 0) return ModbusDecodeResult.Malformed;
        int total = 5 + byteCount;
        if (input.Length < total) return ModbusDecodeResult.NeedMoreData;
        frame = new ModbusFrame { Slave = input[0], Function = code, Count = (ushort)(byteCount / 2), DataOffset = 3, DataLength = byteCount, Length = total };
        return Check(input, total);
    }

    private static ModbusFrame Header(ReadOnlySpan<byte> input, ushort count, int length) => new()
    {
        Slave = input[0],
        Function = input[1],
        Address = BinaryPrimitives.ReadUInt16BigEndian(input[2..]),
        Count = count,
        Length = length,
    };

    private static ModbusDecodeResult Check(ReadOnlySpan<byte> input, int length) =>
        ModbusCrc.IsValid(input[..length]) ? ModbusDecodeResult.Frame : ModbusDecodeResult.CrcMismatch;

    private static void CheckCount(int count, int max)
    {
        if (count < 1 || count > max)
            throw new ArgumentOutOfRangeException(nameof(count), count, $"a Modbus request carries 1..{max} registers; asked for {count}.");
    }
}
