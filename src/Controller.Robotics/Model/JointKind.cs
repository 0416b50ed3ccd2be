namespace Controller.Robotics.Model;

/// <summary>The kinds of one-degree-of-freedom joint the model's algorithms handle.</summary>
public enum JointKind
{
    /// <summary>Rotation about the joint axis (URDF revolute and continuous).</summary>
    Revolute,

    /// <summary>Translation along the joint axis (URDF prismatic).</summary>
    Prismatic,
}
