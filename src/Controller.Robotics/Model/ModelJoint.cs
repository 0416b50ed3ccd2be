namespace Controller.Robotics.Model;

/// <summary>One degree of freedom of a <see cref="RobotModel"/>, in the model's joint order.</summary>
/// <param name="Name">The URDF joint name.</param>
/// <param name="Kind">Revolute or prismatic.</param>
/// <param name="IsContinuous">True for a URDF continuous joint (no position limits).</param>
/// <param name="LowerLimit">Lowest position (rad or m); −∞ when unlimited.</param>
/// <param name="UpperLimit">Highest position (rad or m); +∞ when unlimited.</param>
/// <param name="VelocityLimit">Largest speed (rad/s or m/s); +∞ when the URDF gives none.</param>
/// <param name="EffortLimit">Largest torque or force (N·m or N); +∞ when the URDF gives none.</param>
/// <param name="Damping">Viscous damping (N·m·s/rad or N·s/m) from the URDF's dynamics element.</param>
/// <param name="Friction">Coulomb friction (N·m or N) from the URDF's dynamics element.</param>
/// <param name="ParentLink">The link the joint hangs from.</param>
/// <param name="ChildLink">The link the joint moves.</param>
/// <param name="MimicOf">Index of the joint this one mimics, or −1. The algorithms treat a mimic joint as an
/// independent degree of freedom (as KDL does); whoever commands the robot keeps it at
/// <c>q[MimicOf]·MimicMultiplier + MimicOffset</c>.</param>
/// <param name="MimicMultiplier">Mimic multiplier (1 when not a mimic).</param>
/// <param name="MimicOffset">Mimic offset (0 when not a mimic).</param>
public sealed record ModelJoint(
    string Name,
    JointKind Kind,
    bool IsContinuous,
    double LowerLimit,
    double UpperLimit,
    double VelocityLimit,
    double EffortLimit,
    double Damping,
    double Friction,
    string ParentLink,
    string ChildLink,
    int MimicOf,
    double MimicMultiplier,
    double MimicOffset);
