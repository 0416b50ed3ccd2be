namespace Controller.Hardware.Protocols.Feetech;

/// <summary>STS/SMS Operating_Mode (address 33), as Feetech's memory table and LeRobot's `feetech.py` OperatingMode give it.</summary>
public enum FeetechOperatingMode : byte
{
    /// <summary>Position servo: Goal_Position (42) in steps.</summary>
    Position = 0,

    /// <summary>Constant speed: Goal_Velocity (46), steps/s, sign at bit 15.</summary>
    Velocity = 1,

    /// <summary>Open-loop PWM (not supported by the group driver).</summary>
    Pwm = 2,

    /// <summary>Step mode (not supported by the group driver).</summary>
    Step = 3,
}
