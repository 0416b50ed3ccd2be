using Controller.Hardware.Simulation;
using Controller.Robotics.Dynamics;
using Controller.Robotics.Kinematics;
using Controller.Robotics.Model;
using Controller.Robotics.Simulation;
using Controller.Robotics.Spatial;
using Controller.Robotics.Tests.Support;

namespace Controller.Robotics.Tests.Simulation;

/// <summary>
/// <see cref="RigidBodyPlant.SetExternalWrench"/>: a static force on the Panda's hand acts on the joints as Jᵀ·F and a
/// wrist sensor above the hand reads it; a force above the sensor does not reach it.
/// </summary>
public class RigidBodyPlantExternalWrenchTests
{
    private static readonly double[] Pose = [0.3, -0.4, 0.2, -1.8, 0.1, 1.2, 0.5];
    private static readonly Vec3 Push = new(12, -5, 8);
    private static readonly PlantOptions Options = new() { JointFriction = false, JointStops = false, ForceTorqueSensors = ["panda_link8"] };

    /// <summary>Actuator torques g(q) − Jᵀ·F: what holds the arm still while <paramref name="force"/> pushes on the hand.</summary>
    private static double[] HoldingTorques(RobotModel model, Vec3 force, string frame = "panda_hand")
    {
        var data = new RobotData(model);
        int n = model.DofCount;
        var tau = new double[n];
        InverseDynamics.Gravity(data, Pose, tau);
        ForwardKinematics.Compute(data, Pose);
        var jacobian = new double[6 * n];
        FrameJacobian.Compute(data, model.FrameIndex(frame), jacobian);
        for (int j = 0; j < n; j++)
        {
            tau[j] -= jacobian[0 * n + j] * force.X + jacobian[1 * n + j] * force.Y + jacobian[2 * n + j] * force.Z;
        }

        return tau;
    }

    private static RigidBodyPlant HeldPlant(RobotModel model, double[] torques)
    {
        var plant = new RigidBodyPlant(model, Options);
        plant.SetState(Pose, new double[model.DofCount]);
        for (int j = 0; j < torques.Length; j++)
        {
            plant.SetActuatorTorqueNm(j, torques[j]);
        }

        return plant;
    }

    private static double Drift(RigidBodyPlant plant, int steps)
    {
        for (int i = 0; i < steps; i++)
        {
            plant.Step(0.001);
        }

        return Pose.Select((q, j) => Math.Abs(plant.Positions[j] - q)).Max();
    }

    [Fact]
    public void SetExternalWrench_StaticForceOnHand_ActsAsJacobianTransposeTorques()
    {
        RobotModel model = TestRobots.PandaArm();
        double[] torques = HoldingTorques(model, Push);

        RigidBodyPlant pushed = HeldPlant(model, torques);
        pushed.SetExternalWrench("panda_hand", Push, Vec3.Zero);
        RigidBodyPlant unpushed = HeldPlant(model, torques);

        // g(q) − JᵀF against gravity and F balances exactly: the arm stays; without the push the same torques move it.
        Assert.True(Drift(pushed, 300) < 1e-7, "the pushed arm should stay where g(q) − JᵀF holds it");
        Assert.True(Drift(unpushed, 300) > 1e-3, "without the push the torques −JᵀF should move the arm");
    }

    [Fact]
    public void SetExternalWrench_ForceOnHandBelowSensor_SensorReadsItInItsFrame()
    {
        RobotModel model = TestRobots.PandaArm();
        RigidBodyPlant reference = HeldPlant(model, HoldingTorques(model, Vec3.Zero));
        RigidBodyPlant pushed = HeldPlant(model, HoldingTorques(model, Push));
        pushed.SetExternalWrench("panda_hand", Push, Vec3.Zero);
        Drift(reference, 50);
        Drift(pushed, 50);

        var data = new RobotData(model);
        ForwardKinematics.Compute(data, Pose);
        Transform3 sensor = data.FramePose(model.FrameIndex("panda_link8"));
        Vec3 hand = data.FramePose(model.FrameIndex("panda_hand")).Translation;
        Vec3 expectedForce = Mat3.TransposeTimes(sensor.Rotation, Push);
        Vec3 expectedTorque = Mat3.TransposeTimes(sensor.Rotation, Vec3.Cross(hand - sensor.Translation, Push));
        SensorWrench with = pushed.GetSensorWrench(0), without = reference.GetSensorWrench(0);

        Assert.Equal(expectedForce.X, with.ForceXN - without.ForceXN, 6);
        Assert.Equal(expectedForce.Y, with.ForceYN - without.ForceYN, 6);
        Assert.Equal(expectedForce.Z, with.ForceZN - without.ForceZN, 6);
        Assert.Equal(expectedTorque.X, with.TorqueXNm - without.TorqueXNm, 6);
        Assert.Equal(expectedTorque.Y, with.TorqueYNm - without.TorqueYNm, 6);
        Assert.Equal(expectedTorque.Z, with.TorqueZNm - without.TorqueZNm, 6);
    }

    [Fact]
    public void SetExternalWrench_ForceAboveSensor_SensorDoesNotSeeIt()
    {
        RobotModel model = TestRobots.PandaArm();
        RigidBodyPlant reference = HeldPlant(model, HoldingTorques(model, Vec3.Zero));
        RigidBodyPlant pushed = HeldPlant(model, HoldingTorques(model, Push, "panda_link6"));
        pushed.SetExternalWrench("panda_link6", Push, Vec3.Zero);

        Assert.True(Drift(pushed, 50) < 1e-7, "g(q) − JᵀF on link 6 should hold the arm");
        Drift(reference, 50);
        SensorWrench with = pushed.GetSensorWrench(0), without = reference.GetSensorWrench(0);
        Assert.Equal(without.ForceXN, with.ForceXN, 6);
        Assert.Equal(without.ForceZN, with.ForceZN, 6);
        Assert.Equal(without.TorqueYNm, with.TorqueYNm, 6);
    }

    [Fact]
    public void ClearExternalWrench_AfterPush_ArmFeelsNoForce()
    {
        RobotModel model = TestRobots.PandaArm();
        RigidBodyPlant plant = HeldPlant(model, HoldingTorques(model, Vec3.Zero));
        plant.SetExternalWrench("panda_hand", Push, Vec3.Zero);
        plant.ClearExternalWrench("panda_hand");

        Assert.Equal((Vec3.Zero, Vec3.Zero), plant.GetExternalWrench("panda_hand"));
        Assert.True(Drift(plant, 300) < 1e-7);
    }

    [Fact]
    public void SetExternalWrench_FrameFixedToRootOrNotFinite_Throws()
    {
        var plant = new RigidBodyPlant(TestRobots.PandaArm(), Options);

        Assert.Contains("fixed to the root", Assert.Throws<ArgumentException>(() => plant.SetExternalWrench("panda_link0", Push, Vec3.Zero)).Message);
        Assert.Contains("finite", Assert.Throws<ArgumentException>(() => plant.SetExternalWrench("panda_hand", new Vec3(double.NaN, 0, 0), Vec3.Zero)).Message);
    }
}
