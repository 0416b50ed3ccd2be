using Controller.Cerebellum.Controllers;
using Controller.Cerebellum.Loop;
using Controller.Pipeline.Messages;
using Controller.Robotics.Model;
using Controller.Robotics.Simulation;
using Controller.Robotics.Urdf;

namespace Controller.Cerebellum.Tests.Plant;

/// <summary>
/// Closes a loop around the rigid-body plant on a manual clock: measure (positions, velocities and the torque the
/// actuators apply) → controller → apply the command's effort as actuator torque → step the plant one period.
/// </summary>
internal sealed class PlantRig
{
    public const long PeriodNs = 1_000_000;

    private long _cycle;

    public PlantRig(RobotModel model, PlantOptions? options = null)
    {
        Model = model;
        Plant = new RigidBodyPlant(model, options ?? new PlantOptions());
        Measured.JointCount = model.DofCount;
        Measured.FreshMask = (1UL << model.DofCount) - 1;
        Measure();
    }

    public static RobotModel PandaArm() => RobotModel.FromUrdfChain(
        UrdfParser.ParseFile(Path.Combine(AppContext.BaseDirectory, "Data", "franka_panda.urdf")), "panda_link0", "panda_hand");

    public RobotModel Model { get; }

    public RigidBodyPlant Plant { get; }

    public JointState Measured;

    public JointCommand Command;

    public CycleTime Time => new(_cycle, _cycle * PeriodNs, (_cycle + 1) * PeriodNs, PeriodNs, PeriodNs);

    public void Place(double[] q)
    {
        Plant.SetState(q, new double[q.Length]);
        Measure();
    }

    /// <summary>One cycle: controller update on the current measurement, actuation, one plant step, new measurement.</summary>
    public void Step(ICycleController controller)
    {
        controller.Update(Time, in Measured, ref Command);
        Actuate();
        Plant.Step(PeriodNs * 1e-9);
        _cycle++;
        Measure();
    }

    public void Actuate()
    {
        for (int i = 0; i < Model.DofCount; i++)
        {
            Plant.SetActuatorTorqueNm(i, Command.Mode == ControlMode.Hold ? 0 : Command.Effort[i]);
        }
    }

    public void Advance()
    {
        Plant.Step(PeriodNs * 1e-9);
        _cycle++;
        Measure();
    }

    private void Measure()
    {
        Measured.Header = new MessageHeader(_cycle, _cycle * PeriodNs);
        for (int i = 0; i < Model.DofCount; i++)
        {
            Measured.Position[i] = Plant.Positions[i];
            Measured.Velocity[i] = Plant.Velocities[i];
            Measured.Effort[i] = Plant.GetActuatorTorqueNm(i);
        }
    }
}
