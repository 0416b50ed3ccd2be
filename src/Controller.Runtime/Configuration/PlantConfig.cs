namespace Controller.Runtime.Configuration;

/// <summary>The simulated plant and scene (<c>plant:</c>), for simulated robots.</summary>
/// <param name="RateHz">Physics steps per second (real time).</param>
/// <param name="Integrator">"rk4" or "euler".</param>
/// <param name="TableHeightM">Height of the table top, or null for none.</param>
/// <param name="Boxes">Cubes and fixtures.</param>
/// <param name="ContactSpheres">Spheres on the robot that collide.</param>
/// <param name="InitialPositions">Start position per joint name (others start at 0 clamped into their limits).</param>
/// <param name="ArmatureKgM2">Reflected rotor inertia added at every joint (geared servos: see RobotModel.WithArmature).</param>
public sealed record PlantConfig(
    double RateHz,
    string Integrator,
    double? TableHeightM,
    IReadOnlyList<BoxConfig> Boxes,
    IReadOnlyList<ContactSphereConfig> ContactSpheres,
    IReadOnlyDictionary<string, double> InitialPositions,
    double ArmatureKgM2);
