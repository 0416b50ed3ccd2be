namespace Controller.Robotics.Urdf;

/// <summary>A joint's <c>&lt;limit&gt;</c>.</summary>
/// <param name="Lower">Lower position limit (radians or metres); 0 where absent.</param>
/// <param name="Upper">Upper position limit (radians or metres), at least <paramref name="Lower"/>; 0 where absent.</param>
/// <param name="Velocity">Maximum speed (rad/s or m/s), never negative.</param>
/// <param name="Effort">Maximum effort (N·m or N), never negative.</param>
public sealed record UrdfLimit(double Lower, double Upper, double Velocity, double Effort);
