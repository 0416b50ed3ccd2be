using Controller.Robotics.Spatial;

namespace Controller.Robotics.Simulation;

/// <summary>A sphere fixed to a link that can touch the table and the boxes (a fingertip, a tool tip).</summary>
/// <param name="Frame">The link name.</param>
/// <param name="Center">Centre of the sphere in the link's frame (m).</param>
/// <param name="RadiusM">Radius (m, ≥ 0).</param>
public sealed record ContactSphere(string Frame, Vec3 Center, double RadiusM);
