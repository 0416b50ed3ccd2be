namespace Controller.Robotics.Urdf;

/// <summary>A joint's <c>&lt;dynamics&gt;</c>.</summary>
/// <param name="Damping">Viscous damping (N·m·s/rad or N·s/m); 0 where absent.</param>
/// <param name="Friction">Static friction (N·m or N); 0 where absent.</param>
public sealed record UrdfDynamics(double Damping, double Friction);
