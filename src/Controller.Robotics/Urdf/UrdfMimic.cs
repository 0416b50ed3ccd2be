namespace Controller.Robotics.Urdf;

/// <summary>
/// A joint's <c>&lt;mimic&gt;</c>: its position is <c>Multiplier · q(Joint) + Offset</c>.
/// </summary>
/// <param name="Joint">The name of the joint followed; a movable joint that mimics no other.</param>
/// <param name="Multiplier">Scale factor; 1 where absent.</param>
/// <param name="Offset">Offset; 0 where absent.</param>
public sealed record UrdfMimic(string Joint, double Multiplier, double Offset);
