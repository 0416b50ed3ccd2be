namespace Controller.Hardware.Protocols.Modbus;

/// <summary>
/// Where the fields of a decoded RTU frame are. Requests: <see cref="Address"/> and <see cref="Count"/> (and for Write
/// Multiple Registers the values at <see cref="DataOffset"/>). Responses: for Read Holding Registers the register
/// values at <see cref="DataOffset"/>, <see cref="DataLength"/> bytes; for Write Multiple Registers the echoed address
/// and count; for an exception response <see cref="ExceptionCode"/>.
/// </summary>
public readonly record struct ModbusFrame
{
    /// <summary>Slave (unit) address, 0 = broadcast, 1..247.</summary>
    public byte Slave { get; init; }

    /// <summary>Function code without the exception bit.</summary>
    public byte Function { get; init; }

    /// <summary>First register.</summary>
    public ushort Address { get; init; }

    /// <summary>Number of registers.</summary>
    public ushort Count { get; init; }

    /// <summary>Offset of the register values (big-endian, 2 bytes each) in the decoded span.</summary>
    public int DataOffset { get; init; }

    /// <summary>Bytes of register values.</summary>
    public int DataLength { get; init; }

    /// <summary>Exception code of an exception response (1 illegal function, 2 illegal data address, 3 illegal data value, 4 device failure).</summary>
    public byte ExceptionCode { get; init; }

    /// <summary>Bytes the frame occupies, CRC included: what to drop after handling it.</summary>
    public int Length { get; init; }
}
