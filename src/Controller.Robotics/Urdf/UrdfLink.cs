namespace Controller.Robotics.Urdf;

/// <summary>A URDF <c>&lt;link&gt;</c>; visual and collision geometry (meshes) are not read.</summary>
/// <param name="Name">The link's unique name.</param>
/// <param name="Inertial">Its inertial properties, or null where the link declares none.</param>
public sealed record UrdfLink(string Name, UrdfInertial? Inertial);
