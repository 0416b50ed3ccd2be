namespace Controller.Runtime.Configuration;

/// <summary>
/// Stiffness and damping per joint, in the model's joint order (<c>controllers.pd</c>: kp, kd;
/// <c>controllers.impedance</c>: stiffness, damping). Each is given in the file as one number for every joint or as a
/// map from joint name to number naming every joint.
/// </summary>
/// <param name="Stiffness">N·m/rad (N/m for a prismatic joint), per joint.</param>
/// <param name="Damping">N·m·s/rad (N·s/m), per joint.</param>
public sealed record JointGainsConfig(IReadOnlyList<double> Stiffness, IReadOnlyList<double> Damping);
