namespace Controller.Hardware.Protocols.Dynamixel;

/// <summary>
/// The X-series control table (Protocol 2.0) as published in the ROBOTIS e-Manual for XM430-W350 and XL430-W250,
/// "Control Table of EEPROM Area" and "Control Table of RAM Area". EEPROM items (below 64) can be written only
/// while Torque Enable is 0. XL430 has Present Load (0.1 %) at 126 where current-sensing models have Present Current.
/// </summary>
public static class XSeriesControlTable
{
    /// <summary>Model Number (R).</summary>
    public static readonly DynamixelRegister ModelNumber = new(0, 2);

    /// <summary>Firmware Version (R).</summary>
    public static readonly DynamixelRegister FirmwareVersion = new(6, 1);

    /// <summary>ID (RW, EEPROM).</summary>
    public static readonly DynamixelRegister Id = new(7, 1);

    /// <summary>Baud Rate code (RW, EEPROM): 0 9600, 1 57600, 2 115200, 3 1M, 4 2M, 5 3M, 6 4M, 7 4.5M.</summary>
    public static readonly DynamixelRegister BaudRate = new(8, 1);

    /// <summary>Return Delay Time, 2 µs units (RW, EEPROM).</summary>
    public static readonly DynamixelRegister ReturnDelayTime = new(9, 1);

    /// <summary>Drive Mode (RW, EEPROM).</summary>
    public static readonly DynamixelRegister DriveMode = new(10, 1);

    /// <summary>Operating Mode (RW, EEPROM), see <see cref="DynamixelOperatingMode"/>.</summary>
    public static readonly DynamixelRegister OperatingMode = new(11, 1);

    /// <summary>Homing Offset, pulses (RW, EEPROM).</summary>
    public static readonly DynamixelRegister HomingOffset = new(20, 4);

    /// <summary>Temperature Limit, °C (RW, EEPROM).</summary>
    public static readonly DynamixelRegister TemperatureLimit = new(31, 1);

    /// <summary>Current Limit, current units (RW, EEPROM; current-sensing models).</summary>
    public static readonly DynamixelRegister CurrentLimit = new(38, 2);

    /// <summary>Velocity Limit, 0.229 rpm (RW, EEPROM).</summary>
    public static readonly DynamixelRegister VelocityLimit = new(44, 4);

    /// <summary>Max Position Limit, pulses (RW, EEPROM).</summary>
    public static readonly DynamixelRegister MaxPositionLimit = new(48, 4);

    /// <summary>Min Position Limit, pulses (RW, EEPROM).</summary>
    public static readonly DynamixelRegister MinPositionLimit = new(52, 4);

    /// <summary>Shutdown: which hardware errors turn torque off (RW, EEPROM; default 52 = overload, electrical shock, overheating).</summary>
    public static readonly DynamixelRegister Shutdown = new(63, 1);

    /// <summary>Torque Enable (RW): 1 powers the motor and locks the EEPROM area.</summary>
    public static readonly DynamixelRegister TorqueEnable = new(64, 1);

    /// <summary>LED (RW).</summary>
    public static readonly DynamixelRegister Led = new(65, 1);

    /// <summary>Status Return Level (RW): 0 ping only, 1 ping and read, 2 all.</summary>
    public static readonly DynamixelRegister StatusReturnLevel = new(68, 1);

    /// <summary>Registered Instruction (R).</summary>
    public static readonly DynamixelRegister RegisteredInstruction = new(69, 1);

    /// <summary>Hardware Error Status (R), see <see cref="DynamixelHardwareErrors"/>.</summary>
    public static readonly DynamixelRegister HardwareErrorStatus = new(70, 1);

    /// <summary>Position P Gain (RW).</summary>
    public static readonly DynamixelRegister PositionPGain = new(84, 2);

    /// <summary>Bus Watchdog, 20 ms units (RW).</summary>
    public static readonly DynamixelRegister BusWatchdog = new(98, 1);

    /// <summary>Goal PWM (RW).</summary>
    public static readonly DynamixelRegister GoalPwm = new(100, 2);

    /// <summary>Goal Current, current units (RW; current-sensing models).</summary>
    public static readonly DynamixelRegister GoalCurrent = new(102, 2);

    /// <summary>Goal Velocity, 0.229 rpm (RW).</summary>
    public static readonly DynamixelRegister GoalVelocity = new(104, 4);

    /// <summary>Profile Acceleration (RW).</summary>
    public static readonly DynamixelRegister ProfileAcceleration = new(108, 4);

    /// <summary>Profile Velocity (RW).</summary>
    public static readonly DynamixelRegister ProfileVelocity = new(112, 4);

    /// <summary>Goal Position, pulses (RW).</summary>
    public static readonly DynamixelRegister GoalPosition = new(116, 4);

    /// <summary>Realtime Tick, ms (R).</summary>
    public static readonly DynamixelRegister RealtimeTick = new(120, 2);

    /// <summary>Moving (R).</summary>
    public static readonly DynamixelRegister Moving = new(122, 1);

    /// <summary>Present Current, current units (R), or Present Load in 0.1 % on models without current sensing.</summary>
    public static readonly DynamixelRegister PresentCurrent = new(126, 2);

    /// <summary>Present Velocity, 0.229 rpm (R).</summary>
    public static readonly DynamixelRegister PresentVelocity = new(128, 4);

    /// <summary>Present Position, pulses (R).</summary>
    public static readonly DynamixelRegister PresentPosition = new(132, 4);

    /// <summary>Present Input Voltage, 0.1 V (R).</summary>
    public static readonly DynamixelRegister PresentInputVoltage = new(144, 2);

    /// <summary>Present Temperature, °C (R).</summary>
    public static readonly DynamixelRegister PresentTemperature = new(146, 1);

    /// <summary>First address of the RAM area; lower items are EEPROM.</summary>
    public const ushort RamStart = 64;

    /// <summary>Present current, velocity and position: one contiguous 10-byte block read each cycle.</summary>
    public static readonly DynamixelRegister FeedbackBlock = new(126, 10);
}
