namespace Controller.Hardware.Protocols.Dynamixel;

/// <summary>Operating Mode (address 11) values of the X series (ROBOTIS e-Manual, "Operating Mode").</summary>
public enum DynamixelOperatingMode : byte
{
    /// <summary>Current (torque) control; Goal Current is the set-point. Current-sensing models only.</summary>
    Current = 0,

    /// <summary>Velocity control; Goal Velocity is the set-point.</summary>
    Velocity = 1,

    /// <summary>Position control within one turn (0..4095); the factory default.</summary>
    Position = 3,

    /// <summary>Multi-turn position control (±256 turns).</summary>
    ExtendedPosition = 4,

    /// <summary>Multi-turn position control with Goal Current as the torque limit. Current-sensing models only.</summary>
    CurrentBasedPosition = 5,

    /// <summary>Voltage (PWM) control.</summary>
    Pwm = 16,
}
