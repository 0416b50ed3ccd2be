namespace Controller.Hardware.Protocols.Feetech;

/// <summary>
/// The STS3215 memory table items a driver uses, as LeRobot's `feetech/tables.py` (STS_SMS_SERIES_CONTROL_TABLE and
/// STS_SMS_SERIES_ENCODINGS_TABLE) and Feetech's SMS/STS memory table give them. 4096 steps per turn.
/// </summary>
public static class StsControlTable
{
    /// <summary>Model number (R).</summary>
    public static readonly FeetechRegister ModelNumber = new(3, 2);

    /// <summary>ID (EEPROM).</summary>
    public static readonly FeetechRegister Id = new(5, 1);

    /// <summary>Baud rate code (EEPROM): 0 1 Mbps, 1 500 k, 2 250 k, 3 128 k, 4 115200, 5 57600, 6 38400, 7 19200.</summary>
    public static readonly FeetechRegister BaudRate = new(6, 1);

    /// <summary>Minimum position limit (EEPROM).</summary>
    public static readonly FeetechRegister MinPositionLimit = new(9, 2);

    /// <summary>Maximum position limit (EEPROM).</summary>
    public static readonly FeetechRegister MaxPositionLimit = new(11, 2);

    /// <summary>Homing offset (EEPROM), sign-magnitude with the sign at bit 11; Present = Actual − Offset.</summary>
    public static readonly FeetechRegister HomingOffset = new(31, 2, 11);

    /// <summary>Operating mode (0 position, 1 velocity, 2 PWM, 3 step).</summary>
    public static readonly FeetechRegister OperatingMode = new(33, 1);

    /// <summary>Torque enable.</summary>
    public static readonly FeetechRegister TorqueEnable = new(40, 1);

    /// <summary>Goal position (steps).</summary>
    public static readonly FeetechRegister GoalPosition = new(42, 2);

    /// <summary>Goal velocity, sign-magnitude with the sign at bit 15.</summary>
    public static readonly FeetechRegister GoalVelocity = new(46, 2, 15);

    /// <summary>EEPROM lock (write 0 before changing EEPROM items, 1 after).</summary>
    public static readonly FeetechRegister Lock = new(55, 1);

    /// <summary>Present position (steps).</summary>
    public static readonly FeetechRegister PresentPosition = new(56, 2);

    /// <summary>Present velocity, sign-magnitude with the sign at bit 15.</summary>
    public static readonly FeetechRegister PresentVelocity = new(58, 2, 15);

    /// <summary>Present load, sign-magnitude with the sign at bit 10 (0.1 % units).</summary>
    public static readonly FeetechRegister PresentLoad = new(60, 2, 10);

    /// <summary>Firmware major version (R).</summary>
    public static readonly FeetechRegister FirmwareMajor = new(0, 1);

    /// <summary>Firmware minor version (R).</summary>
    public static readonly FeetechRegister FirmwareMinor = new(1, 1);

    /// <summary>Return delay (EEPROM), 2 µs units; factory 250 (500 µs), LeRobot writes 0.</summary>
    public static readonly FeetechRegister ReturnDelayTime = new(7, 1);

    /// <summary>Present input voltage (R), 0.1 V units.</summary>
    public static readonly FeetechRegister PresentVoltage = new(62, 1);

    /// <summary>Present temperature (R), °C.</summary>
    public static readonly FeetechRegister PresentTemperature = new(63, 1);

    /// <summary>Moving flag (R).</summary>
    public static readonly FeetechRegister Moving = new(66, 1);

    /// <summary>Present Position, Velocity and Load (56..61): one contiguous block, read by one sync read per cycle.</summary>
    public static readonly FeetechRegister FeedbackBlock = new(56, 6);

    /// <summary>First address of the RAM area (torque enable); below it is EEPROM.</summary>
    public const int RamStart = 40;

    /// <summary>Model number an STS3215 reports at address 3 (LeRobot `feetech/tables.py` MODEL_NUMBER_TABLE).</summary>
    public const ushort Sts3215ModelNumber = 777;
}
