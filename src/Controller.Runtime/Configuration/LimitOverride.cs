namespace Controller.Runtime.Configuration;

/// <summary>Tightened limits for one joint (<c>limits: joint: {…}</c>); null keeps the URDF's value.</summary>
/// <param name="Lower">Lowest position.</param>
/// <param name="Upper">Highest position.</param>
/// <param name="Velocity">Largest speed.</param>
/// <param name="Acceleration">Largest acceleration.</param>
/// <param name="Effort">Largest torque.</param>
public sealed record LimitOverride(double? Lower, double? Upper, double? Velocity, double? Acceleration, double? Effort);
