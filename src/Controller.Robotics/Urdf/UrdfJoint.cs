namespace Controller.Robotics.Urdf;

/// <summary>A URDF <c>&lt;joint&gt;</c> connecting a parent link to a child link.</summary>
/// <param name="Name">The joint's unique name.</param>
/// <param name="Type">The kind of joint.</param>
/// <param name="Parent">The parent link's name.</param>
/// <param name="Child">The child link's name.</param>
/// <param name="Origin">Pose of the joint frame (and the child link frame at zero position) in the parent link frame.</param>
/// <param name="Axis">
/// The unit axis in the joint frame; (1, 0, 0) where absent. Fixed and floating joints ignore it, so a
/// zero axis there is read as (1, 0, 0).
/// </param>
/// <param name="Limit">The limits; always present for revolute and prismatic joints.</param>
/// <param name="Dynamics">Damping and friction, or null where absent.</param>
/// <param name="Mimic">The joint this one follows, or null.</param>
public sealed record UrdfJoint(
    string Name,
    UrdfJointType Type,
    string Parent,
    string Child,
    UrdfPose Origin,
    Vector3d Axis,
    UrdfLimit? Limit,
    UrdfDynamics? Dynamics,
    UrdfMimic? Mimic)
{
    /// <summary>Whether the joint moves at all (every type but <see cref="UrdfJointType.Fixed"/>).</summary>
    public bool IsMovable => Type != UrdfJointType.Fixed;

    /// <summary>Whether the joint's position follows another joint's (it has a <see cref="Mimic"/>).</summary>
    public bool IsMimic => Mimic is not null;
}
