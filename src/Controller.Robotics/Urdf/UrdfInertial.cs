namespace Controller.Robotics.Urdf;

/// <summary>A link's <c>&lt;inertial&gt;</c>: mass, centre-of-mass frame and inertia about it.</summary>
/// <param name="Mass">Mass in kilograms, never negative.</param>
/// <param name="Origin">Pose of the centre-of-mass frame relative to the link frame.</param>
/// <param name="Inertia">Rotational inertia about the centre of mass, in the centre-of-mass frame.</param>
public sealed record UrdfInertial(double Mass, UrdfPose Origin, UrdfInertia Inertia);
