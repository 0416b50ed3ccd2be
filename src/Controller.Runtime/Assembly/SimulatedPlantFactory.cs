using Controller.Cerebellum.Safety;
using Controller.Robotics.Model;
using Controller.Robotics.Simulation;
using Controller.Robotics.Spatial;
using Controller.Runtime.Configuration;
using Controller.Runtime.Simulation;

namespace Controller.Runtime.Assembly;

/// <summary>
/// What a configuration's <c>plant:</c> and <c>safety:</c> sections become, built one way for the runtime and for the
/// benches that drive the same robot without it (<see cref="RobotHardware"/>).
/// </summary>
internal static class SimulatedPlantFactory
{
    /// <summary>The rigid-body plant (armature, obstacles, contact spheres, F/T sensors) at its initial positions.</summary>
    public static RigidBodyPlant Create(RobotModel model, RobotConfig config, PlantConfig plant)
    {
        RobotModel physical = plant.ArmatureKgM2 > 0 ? model.WithArmature(Enumerable.Repeat(plant.ArmatureKgM2, model.DofCount).ToArray()) : model;
        var created = new RigidBodyPlant(physical, new PlantOptions
        {
            Integrator = plant.Integrator == "euler" ? PlantIntegrator.SemiImplicitEuler : PlantIntegrator.RungeKutta4,
            TableHeightM = plant.TableHeightM,
            Boxes = SimulatedScene.FixedObstacles(plant),
            ContactSpheres = plant.ContactSpheres.Select(s => new ContactSphere(s.Link, new Vec3(s.Center[0], s.Center[1], s.Center[2]), s.RadiusM)).ToArray(),
            ForceTorqueSensors = config.Sensors.Select(s => s.Link).ToArray(),
        });
        created.SetState(InitialPositions(model, plant), new double[model.DofCount]);
        return created;
    }

    /// <summary>The supervisor's options from <c>safety:</c>.</summary>
    public static SafetyOptions SafetyOptionsFor(RobotConfig config) => new()
    {
        BrainTimeoutNs = (long)(config.Safety.BrainTimeoutMs * 1e6),
        StaleSensorCycles = config.Safety.StaleSensorCycles,
        CollisionForceN = config.Safety.CollisionForceN,
        CollisionTorqueNm = config.Safety.CollisionTorqueNm,
    };

    /// <summary>The configured start pose, clamped into each joint's range; joints it does not name start at 0.</summary>
    private static double[] InitialPositions(RobotModel model, PlantConfig plant)
    {
        var q = new double[model.DofCount];
        for (int i = 0; i < q.Length; i++)
        {
            ModelJoint joint = model.Joints[i];
            double start = plant.InitialPositions.TryGetValue(joint.Name, out double v) ? v : 0;
            q[i] = Math.Clamp(start, joint.LowerLimit, joint.UpperLimit);
        }

        return q;
    }
}
