namespace Controller.Hardware.Protocols.Feetech;

/// <summary>A decoded Feetech packet: its parameters are <c>input[ParameterOffset..(ParameterOffset + ParameterLength)]</c>.</summary>
/// <param name="Id">Packet ID.</param>
/// <param name="Command">Instruction (host → servo) or error byte (a servo's status).</param>
/// <param name="ParameterOffset">Where the parameters start in the decoded input.</param>
/// <param name="ParameterLength">Parameter bytes.</param>
/// <param name="WireLength">Bytes of the packet, header to checksum.</param>
public readonly record struct FeetechPacketInfo(byte Id, byte Command, int ParameterOffset, int ParameterLength, int WireLength)
{
    /// <summary>The command byte read as a status error.</summary>
    public FeetechStatusErrors Error => (FeetechStatusErrors)Command;
}
