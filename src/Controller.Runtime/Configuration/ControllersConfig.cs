namespace Controller.Runtime.Configuration;

/// <summary>
/// The controllers a robot may run (<c>controllers:</c>) and the one it starts with. Missing in the file: the chunk
/// follower, no gravity compensation, the defaults below (only used when switched to at run time).
/// </summary>
/// <param name="Default">The controller the loop starts with.</param>
/// <param name="GravityCompensation">Add g(q) to the command's effort (torque actuators: the torque; position drives that take a torque offset: feed-forward).</param>
/// <param name="Pd">Joint PD gains.</param>
/// <param name="Impedance">Joint impedance gains.</param>
/// <param name="Admittance">Cartesian admittance, or null when the robot has no wrist force/torque sensor.</param>
public sealed record ControllersConfig(
    ControllerKind Default, bool GravityCompensation, JointGainsConfig Pd, JointGainsConfig Impedance, AdmittanceConfig? Admittance)
{
    /// <summary>What a configuration without <c>controllers:</c> means: the chunk follower; the gains are left to the runtime's defaults.</summary>
    public static ControllersConfig FollowerOnly { get; } = new(ControllerKind.Follower, false, new JointGainsConfig([], []), new JointGainsConfig([], []), null);
}
