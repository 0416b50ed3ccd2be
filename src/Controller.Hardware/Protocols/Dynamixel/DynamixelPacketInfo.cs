namespace Controller.Hardware.Protocols.Dynamixel;

/// <summary>
/// A decoded packet's fields; its body (the unstuffed bytes after the instruction) is in the caller's buffer.
/// For a status packet the body is the error byte followed by the parameters.
/// </summary>
/// <param name="Id">Packet ID (the sender's for a status packet).</param>
/// <param name="Instruction">Instruction byte (<see cref="DynamixelInstruction.Status"/> for replies).</param>
/// <param name="BodyLength">Unstuffed bytes after the instruction, up to the CRC.</param>
/// <param name="WireLength">Bytes the packet took on the wire, header to CRC.</param>
public readonly record struct DynamixelPacketInfo(byte Id, DynamixelInstruction Instruction, int BodyLength, int WireLength)
{
    /// <summary>True for a reply (instruction 0x55) that has at least its error byte.</summary>
    public bool IsStatus => Instruction == DynamixelInstruction.Status && BodyLength >= 1;

    /// <summary>Parameter bytes of a status packet (body minus the error byte).</summary>
    public int StatusParameterLength => IsStatus ? BodyLength - 1 : 0;
}
