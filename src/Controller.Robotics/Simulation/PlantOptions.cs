namespace Controller.Robotics.Simulation;

/// <summary>Settings of <see cref="RigidBodyPlant"/>. Defaults suit a tabletop arm at 1 kHz.</summary>
public sealed record PlantOptions
{
    /// <summary>Integrator.</summary>
    public PlantIntegrator Integrator { get; init; } = PlantIntegrator.RungeKutta4;

    /// <summary>Apply the URDF's viscous damping and Coulomb friction at every joint.</summary>
    public bool JointFriction { get; init; } = true;

    /// <summary>Speed below which Coulomb friction ramps linearly to zero (rad/s), so a joint can rest without chattering.</summary>
    public double FrictionRampRadPerSec { get; init; } = 0.01;

    /// <summary>Model the joint limits as stiff spring-dampers (end stops).</summary>
    public bool JointStops { get; init; } = true;

    /// <summary>Natural frequency of an end stop with the joint's own inertia (Hz); its stiffness follows from it.</summary>
    public double StopFrequencyHz { get; init; } = 40;

    /// <summary>Damping ratio of the end stops.</summary>
    public double StopDampingRatio { get; init; } = 1.0;

    /// <summary>Height of the table's top face in the root frame (m), or null for no table.</summary>
    public double? TableHeightM { get; init; }

    /// <summary>Boxes fixed in the root frame.</summary>
    public IReadOnlyList<BoxObstacle> Boxes { get; init; } = [];

    /// <summary>Spheres on the robot that collide with the table and boxes.</summary>
    public IReadOnlyList<ContactSphere> ContactSpheres { get; init; } = [];

    /// <summary>Contact normal stiffness (N/m).</summary>
    public double ContactStiffnessNPerM { get; init; } = 20_000;

    /// <summary>Contact normal damping (N·s/m).</summary>
    public double ContactDampingNsPerM { get; init; } = 200;

    /// <summary>Coulomb friction coefficient at contacts.</summary>
    public double ContactFriction { get; init; } = 0.5;

    /// <summary>Link names of six-axis force/torque sensors; each measures what the links beyond it load it with.</summary>
    public IReadOnlyList<string> ForceTorqueSensors { get; init; } = [];
}
