namespace Controller.Hardware.Protocols.Dynamixel;

/// <summary>Instruction byte of a Protocol 2.0 packet (ROBOTIS e-Manual, Protocol 2.0, "Instruction").</summary>
public enum DynamixelInstruction : byte
{
    /// <summary>Is a device with this ID there; it answers its model number and firmware version.</summary>
    Ping = 0x01,

    /// <summary>Read bytes from the control table.</summary>
    Read = 0x02,

    /// <summary>Write bytes to the control table.</summary>
    Write = 0x03,

    /// <summary>Write held until <see cref="Action"/>.</summary>
    RegWrite = 0x04,

    /// <summary>Execute the held <see cref="RegWrite"/>.</summary>
    Action = 0x05,

    /// <summary>Reset the control table to factory defaults (parameter: 0xFF all, 0x01 all but ID, 0x02 all but ID and baud).</summary>
    FactoryReset = 0x06,

    /// <summary>Restart the device (clears a hardware-error shutdown).</summary>
    Reboot = 0x08,

    /// <summary>Reset certain information (0x01: multi-turn position).</summary>
    Clear = 0x10,

    /// <summary>The instruction of every status (reply) packet.</summary>
    Status = 0x55,

    /// <summary>Same address and length from several devices; each answers with its own status packet.</summary>
    SyncRead = 0x82,

    /// <summary>Same address and length to several devices; no reply.</summary>
    SyncWrite = 0x83,

    /// <summary>Like <see cref="SyncRead"/>, but the devices answer together in one status packet.</summary>
    FastSyncRead = 0x8A,

    /// <summary>Per-device address and length; each answers with its own status packet.</summary>
    BulkRead = 0x92,

    /// <summary>Per-device address, length and data; no reply.</summary>
    BulkWrite = 0x93,
}
