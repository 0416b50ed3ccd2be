namespace Controller.Robotics.Urdf;

/// <summary>The kinds of URDF joint.</summary>
public enum UrdfJointType
{
    /// <summary>Rotation about the axis between a lower and an upper limit.</summary>
    Revolute,

    /// <summary>Unbounded rotation about the axis.</summary>
    Continuous,

    /// <summary>Translation along the axis between a lower and an upper limit.</summary>
    Prismatic,

    /// <summary>No motion; the child is rigidly attached.</summary>
    Fixed,

    /// <summary>Six degrees of freedom (a free-flying base).</summary>
    Floating,

    /// <summary>Motion in the plane normal to the axis.</summary>
    Planar,
}
