namespace Controller.Hardware.Devices;

/// <summary>Command modes an actuator group supports, declared by its driver.</summary>
[Flags]
public enum ActuatorModes
{
    /// <summary>None (a sensor-only group).</summary>
    None = 0,

    /// <summary>Position set-points (CSP, Dynamixel position mode).</summary>
    Position = 1,

    /// <summary>Velocity set-points (CSV).</summary>
    Velocity = 2,

    /// <summary>Torque / current set-points (CST, current mode).</summary>
    Torque = 4,

    /// <summary>MIT-style impedance: position, velocity, Kp, Kd and torque feed-forward in one command.</summary>
    Impedance = 8,
}
