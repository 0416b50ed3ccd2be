namespace Controller.Hardware.Protocols.Feetech;

/// <summary>Instruction byte of a Feetech SCS/STS packet (Feetech SCServo protocol; same values as Dynamixel Protocol 1.0).</summary>
public enum FeetechInstruction : byte
{
    /// <summary>Is a servo with this ID there; it answers an empty status.</summary>
    Ping = 0x01,

    /// <summary>Read bytes from the memory table.</summary>
    Read = 0x02,

    /// <summary>Write bytes to the memory table.</summary>
    Write = 0x03,

    /// <summary>Write held until <see cref="Action"/>.</summary>
    RegWrite = 0x04,

    /// <summary>Execute held writes.</summary>
    Action = 0x05,

    /// <summary>Same address and length from several servos; each answers its own status packet (STS/SMS).</summary>
    SyncRead = 0x82,

    /// <summary>Same address and length to several servos; no reply.</summary>
    SyncWrite = 0x83,
}
