namespace Controller.Hardware.Protocols.Mit;

/// <summary>
/// One MIT-mode command: the actuator applies τ = Kp·(p − q) + Kd·(v − q̇) + τff at its own loop rate.
/// </summary>
/// <param name="PositionRad">Target position p.</param>
/// <param name="VelocityRadPerSec">Target velocity v.</param>
/// <param name="Kp">Stiffness (N·m/rad).</param>
/// <param name="Kd">Damping (N·m·s/rad).</param>
/// <param name="TorqueNm">Feed-forward torque τff.</param>
public readonly record struct MitCommand(double PositionRad, double VelocityRadPerSec, double Kp, double Kd, double TorqueNm);
