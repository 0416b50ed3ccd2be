namespace Controller.Hardware.Simulation.Cia402;

/// <summary>How a <see cref="Cia402DriveTwin"/> behaves: its servo gains and identity.</summary>
public sealed record Cia402TwinOptions
{
    /// <summary>Position loop stiffness at the joint in CSP/PP (N·m/rad).</summary>
    public double PositionGainNmPerRad { get; init; } = 40;

    /// <summary>Velocity loop damping at the joint (N·m·s/rad), also the damping of the position loop.</summary>
    public double VelocityGainNmsPerRad { get; init; } = 2;

    /// <summary>Device name (0x1008).</summary>
    public string DeviceName { get; init; } = "CiA 402 drive twin";

    /// <summary>Serial number (0x1018:4).</summary>
    public uint SerialNumber { get; init; } = 1;

    /// <summary>Velocity below which a quick stop counts as stopped (rad/s).</summary>
    public double StoppedBelowRadPerSec { get; init; } = 0.01;

    /// <summary>Heartbeat producer period (0x1017) at power-up, in ms; 0 (as most drives leave the factory) until a master writes it.</summary>
    public int HeartbeatPeriodMs { get; init; }
}
