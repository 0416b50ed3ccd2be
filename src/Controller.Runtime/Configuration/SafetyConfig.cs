namespace Controller.Runtime.Configuration;

/// <summary>The safety supervisor's settings (<c>safety:</c>).</summary>
/// <param name="BrainTimeoutMs">Brain silence before decelerating to a hold.</param>
/// <param name="StaleSensorCycles">Cycles of stale joint data before a protective stop.</param>
/// <param name="CollisionForceN">Wrist force above which contact is a collision.</param>
/// <param name="CollisionTorqueNm">Wrist torque above which contact is a collision.</param>
/// <param name="DefaultAccelerationRadPerS2">Acceleration limit for joints without an override (URDF has none).</param>
/// <param name="EmergencyStop">The e-stop input line (<c>estop:</c>), or null for none.</param>
public sealed record SafetyConfig(double BrainTimeoutMs, int StaleSensorCycles, double CollisionForceN, double CollisionTorqueNm, double DefaultAccelerationRadPerS2,
    EmergencyStopConfig? EmergencyStop = null);
