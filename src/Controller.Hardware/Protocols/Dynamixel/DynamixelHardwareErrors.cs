namespace Controller.Hardware.Protocols.Dynamixel;

/// <summary>Bits of Hardware Error Status (address 70) and of Shutdown (address 63) (ROBOTIS e-Manual, "Shutdown").</summary>
[Flags]
public enum DynamixelHardwareErrors : byte
{
    /// <summary>No error.</summary>
    None = 0,

    /// <summary>Bit 0: input voltage outside the configured range.</summary>
    InputVoltage = 0x01,

    /// <summary>Bit 2: internal temperature above the limit.</summary>
    Overheating = 0x04,

    /// <summary>Bit 3: the motor encoder is not working.</summary>
    MotorEncoder = 0x08,

    /// <summary>Bit 4: electrical shock on the circuit or insufficient power.</summary>
    ElectricalShock = 0x10,

    /// <summary>Bit 5: persistent load beyond the maximum output.</summary>
    Overload = 0x20,
}
