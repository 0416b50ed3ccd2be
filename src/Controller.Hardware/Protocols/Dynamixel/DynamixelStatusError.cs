namespace Controller.Hardware.Protocols.Dynamixel;

/// <summary>
/// Error number in bits 0..6 of a status packet's error byte (ROBOTIS e-Manual, Protocol 2.0, "Error").
/// Bit 7 is the hardware-error alert, read with <see cref="DynamixelStatusErrors.HasHardwareAlert"/>.
/// </summary>
public enum DynamixelStatusError : byte
{
    /// <summary>Processed.</summary>
    None = 0x00,

    /// <summary>Failed to process the instruction.</summary>
    ResultFail = 0x01,

    /// <summary>Undefined instruction, or Action without Reg Write.</summary>
    InstructionError = 0x02,

    /// <summary>The device found the instruction's CRC wrong (the request was damaged on the wire).</summary>
    CrcError = 0x03,

    /// <summary>Value outside the address's minimum/maximum.</summary>
    DataRangeError = 0x04,

    /// <summary>Fewer bytes written than the item's size.</summary>
    DataLengthError = 0x05,

    /// <summary>Value outside the item's limit setting.</summary>
    DataLimitError = 0x06,

    /// <summary>Read-only or undefined address written, write-only read, or EEPROM written with torque on.</summary>
    AccessError = 0x07,
}

/// <summary>Splits a status packet's error byte.</summary>
public static class DynamixelStatusErrors
{
    /// <summary>Bit 7: the device has a hardware error; the cause is in Hardware Error Status (address 70).</summary>
    public const byte HardwareAlertBit = 0x80;

    /// <summary>The error number (bits 0..6).</summary>
    public static DynamixelStatusError Code(byte errorByte) => (DynamixelStatusError)(errorByte & 0x7F);

    /// <summary>True when the alert bit is set.</summary>
    public static bool HasHardwareAlert(byte errorByte) => (errorByte & HardwareAlertBit) != 0;
}
