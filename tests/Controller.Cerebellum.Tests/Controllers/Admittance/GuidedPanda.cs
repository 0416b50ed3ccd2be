using Controller.Cerebellum.Controllers;
using Controller.Cerebellum.Tests.Plant;
using Controller.Hardware.Devices;
using Controller.Pipeline.Messages;
using Controller.Robotics.Kinematics;
using Controller.Robotics.Model;
using Controller.Robotics.Simulation;
using Controller.Robotics.Spatial;

namespace Controller.Cerebellum.Tests.Controllers.Admittance;

/// <summary>
/// The Panda on the rigid-body plant with a wrist force/torque sensor at panda_hand and a "hand" pushing the tool:
/// a force in the base frame at the hand's origin, applied to the plant as joint torques Jᵀ·F and felt by the
/// sensor on top of what the plant itself makes it read (the hand's weight and inertia).
/// </summary>
internal sealed class GuidedPanda : IWrenchSource
{
    public static readonly double[] Pose = [0.3, -0.4, 0.2, -1.8, 0.1, 1.2, 0.5];
    public const string Hand = "panda_hand";

    private readonly RobotData _data;
    private readonly double[] _jacobian;
    private readonly int _hand;

    public GuidedPanda()
    {
        Model = PlantRig.PandaArm();
        Rig = new PlantRig(Model, new PlantOptions { ForceTorqueSensors = [Hand] });
        Rig.Place(Pose);
        _data = new RobotData(Model);
        _jacobian = new double[6 * Model.DofCount];
        _hand = Model.FrameIndex(Hand);
    }

    public RobotModel Model { get; }

    public PlantRig Rig { get; }

    /// <summary>The pushing force in the base frame (N), applied physically at the hand's origin.</summary>
    public Vec3 PushN { get; set; }

    /// <summary>A force only the sensor sees (a stiff contact, a bad sample), base frame (N).</summary>
    public Vec3 SensorOnlyN { get; set; }

    public bool SensorAlive { get; set; } = true;

    public static JointImpedanceController Impedance(RobotModel model, ICycleController reference) => new(
        Enumerable.Range(0, 7).Select(j => new JointPdGains(j < 4 ? 600 : 250, j < 4 ? 40 : 15)).ToArray(),
        ModesDriver.Bus(7, ActuatorModes.Torque | ActuatorModes.Position), reference, model);

    public Vec3 HandPosition()
    {
        ForwardKinematics.Compute(_data, Rig.Plant.Positions);
        return _data.FramePose(_hand).Translation;
    }

    public bool TryGetWrench(out Wrench wrench)
    {
        var reading = Rig.Plant.GetSensorWrench(0);
        ForwardKinematics.Compute(_data, Rig.Plant.Positions);
        Mat3 r = _data.FramePose(_hand).Rotation;
        Vec3 extra = Mat3.TransposeTimes(r, PushN + SensorOnlyN);
        wrench = new Wrench
        {
            ForceXN = reading.ForceXN + extra.X,
            ForceYN = reading.ForceYN + extra.Y,
            ForceZN = reading.ForceZN + extra.Z,
            TorqueXNm = reading.TorqueXNm,
            TorqueYNm = reading.TorqueYNm,
            TorqueZNm = reading.TorqueZNm,
        };
        return SensorAlive;
    }

    /// <summary>One cycle: controller, actuation plus the push's joint torques, one plant step.</summary>
    public void Step(ICycleController controller)
    {
        controller.Update(Rig.Time, in Rig.Measured, ref Rig.Command);
        Rig.Actuate();
        ForwardKinematics.Compute(_data, Rig.Plant.Positions);
        FrameJacobian.Compute(_data, _hand, _jacobian);
        int n = Model.DofCount;
        for (int i = 0; i < n; i++)
        {
            double tau = _jacobian[i] * PushN.X + _jacobian[n + i] * PushN.Y + _jacobian[2 * n + i] * PushN.Z;
            Rig.Plant.SetActuatorTorqueNm(i, Rig.Plant.GetActuatorTorqueNm(i) + tau);
        }
        Rig.Advance();
    }
}
