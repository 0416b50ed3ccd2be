namespace Controller.Robotics.Urdf;

/// <summary>A URDF <c>&lt;origin&gt;</c>: a translation and a roll-pitch-yaw rotation.</summary>
/// <param name="Xyz">Translation in metres.</param>
/// <param name="Rpy">Rotation as fixed-axis roll, pitch, yaw in radians.</param>
public readonly record struct UrdfPose(Vector3d Xyz, Rpy Rpy)
{
    /// <summary>The identity pose, used where an <c>&lt;origin&gt;</c> is absent.</summary>
    public static UrdfPose Identity => default;
}
