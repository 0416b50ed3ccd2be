namespace Controller.Hardware.Protocols.Feetech;

/// <summary>
/// Layout of a Feetech SCS/STS packet: <c>FF FF | ID | LEN | INST or ERR | PARAM… | CHK</c>, LEN = parameters + 2,
/// CHK = ~(ID + LEN + INST + Σ PARAM) &amp; 0xFF. There is no byte stuffing: a header is FF FF followed by an ID other
/// than FF, and the checksum is what tells a packet from noise.
/// </summary>
public static class FeetechPacket
{
    /// <summary>Header byte (twice).</summary>
    public const byte Header = 0xFF;

    /// <summary>Addresses every servo; only Ping and sync reads get answers.</summary>
    public const byte BroadcastId = 0xFE;

    /// <summary>Highest servo ID.</summary>
    public const byte MaxDeviceId = 0xFD;

    /// <summary>Bytes of a packet without parameters: header, ID, length, instruction, checksum.</summary>
    public const int OverheadBytes = 6;

    /// <summary>Largest packet (LEN is one byte).</summary>
    public const int MaxPacketBytes = 4 + 255;

    /// <summary>The checksum over ID, LEN, INST/ERR and parameters (everything between header and checksum).</summary>
    public static byte Checksum(ReadOnlySpan<byte> idToLastParameter)
    {
        int sum = 0;
        foreach (byte b in idToLastParameter) sum += b;
        return (byte)~sum;
    }
}
