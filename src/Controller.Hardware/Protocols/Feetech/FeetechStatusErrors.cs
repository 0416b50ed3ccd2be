namespace Controller.Hardware.Protocols.Feetech;

/// <summary>Bits of a Feetech status packet's error byte (Feetech SCServo SDK: ERRBIT_*).</summary>
[Flags]
public enum FeetechStatusErrors : byte
{
    /// <summary>No error.</summary>
    None = 0,

    /// <summary>Input voltage out of range.</summary>
    Voltage = 0x01,

    /// <summary>Angle (position sensor) error.</summary>
    Angle = 0x02,

    /// <summary>Over temperature.</summary>
    Overheat = 0x04,

    /// <summary>Over current.</summary>
    OverCurrent = 0x08,

    /// <summary>Overload.</summary>
    Overload = 0x20,
}
