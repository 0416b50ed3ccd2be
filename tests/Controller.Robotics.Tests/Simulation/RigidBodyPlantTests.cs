using Controller.Hardware.Simulation;
using Controller.Robotics.Dynamics;
using Controller.Robotics.Model;
using Controller.Robotics.Simulation;
using Controller.Robotics.Spatial;
using Controller.Robotics.Tests.Support;
using Controller.Robotics.Urdf;

namespace Controller.Robotics.Tests.Simulation;

public class RigidBodyPlantTests
{
    // A vertical slider: carriage (1 kg) on a prismatic z joint, a force/torque sensor link, a 0.5 kg tool below
    // it with a 2 cm contact sphere at its tip.
    private const string SliderUrdf = """
        <robot name="slider">
          <link name="base"/>
          <link name="carriage"><inertial><mass value="1"/><inertia ixx="0.01" ixy="0" ixz="0" iyy="0.01" iyz="0" izz="0.01"/></inertial></link>
          <link name="ft_sensor"/>
          <link name="tool"><inertial><origin xyz="0 0 -0.05"/><mass value="0.5"/><inertia ixx="0.001" ixy="0" ixz="0" iyy="0.001" iyz="0" izz="0.001"/></inertial></link>
          <joint name="lift" type="prismatic"><parent link="base"/><child link="carriage"/><axis xyz="0 0 1"/><limit lower="-1" upper="1" velocity="1" effort="100"/></joint>
          <joint name="mount" type="fixed"><parent link="carriage"/><child link="ft_sensor"/><origin xyz="0 0 -0.02"/></joint>
          <joint name="flange" type="fixed"><parent link="ft_sensor"/><child link="tool"/><origin xyz="0 0 -0.01"/></joint>
        </robot>
        """;

    private static readonly PlantOptions Frictionless = new() { JointFriction = false, JointStops = false };

    [Fact]
    public void Step_UnactuatedFrictionlessPanda_ConservesEnergyWithinDocumentedBound()
    {
        // The documented bound (README): RK4 at 1 kHz keeps |ΔE| below 1e-6 of the energy swing over 2 s.
        var plant = new RigidBodyPlant(TestRobots.PandaArm(), Frictionless);
        double[] q = [0.3, -0.4, 0.2, -1.8, 0.1, 1.2, 0.5];
        plant.SetState(q, new double[7]);
        double start = plant.MechanicalEnergy();
        double worst = 0, swing = 0;
        for (int i = 0; i < 2000; i++)
        {
            plant.Step(0.001);
            if (i % 50 == 0)
            {
                double e = plant.MechanicalEnergy();
                worst = Math.Max(worst, Math.Abs(e - start));
                swing = Math.Max(swing, KineticEnergy(plant));
            }
        }

        Assert.True(swing > 1, $"the arm should fall and swing (kinetic energy reached {swing} J)");
        Assert.True(worst < 1e-6 * swing, $"energy drift {worst:E3} J against a swing of {swing:F2} J");
    }

    [Fact]
    public void Step_SemiImplicitEuler_DriftsMoreButStaysBounded()
    {
        var plant = new RigidBodyPlant(TestRobots.PandaArm(), Frictionless with { Integrator = PlantIntegrator.SemiImplicitEuler });
        plant.SetState([0.3, -0.4, 0.2, -1.8, 0.1, 1.2, 0.5], new double[7]);
        double start = plant.MechanicalEnergy();
        double worst = 0, swing = 0;
        for (int i = 0; i < 2000; i++)
        {
            plant.Step(0.001);
            worst = Math.Max(worst, Math.Abs(plant.MechanicalEnergy() - start));
            swing = Math.Max(swing, KineticEnergy(plant));
        }

        Assert.True(worst < 0.1 * swing, $"semi-implicit Euler drifted {worst} J against a swing of {swing} J");
    }

    [Fact]
    public void Step_GravityCompensatingTorques_HoldTheArmStill()
    {
        RobotModel model = TestRobots.PandaArm();
        var plant = new RigidBodyPlant(model);
        double[] q = [0.3, -0.4, 0.2, -1.8, 0.1, 1.2, 0.5];
        plant.SetState(q, new double[7]);
        var data = new RobotData(model);
        var tau = new double[7];
        InverseDynamics.Gravity(data, q, tau);
        for (int j = 0; j < 7; j++)
        {
            plant.SetActuatorTorqueNm(j, tau[j]);
        }

        for (int i = 0; i < 1000; i++)
        {
            plant.Step(0.001);
        }

        for (int j = 0; j < 7; j++)
        {
            Assert.Equal(q[j], plant.GetPositionRad(j), 9);
        }
    }

    [Fact]
    public void Step_ConstantTorqueIntoLimit_EndStopHoldsNearTheLimit()
    {
        RobotModel model = TestRobots.So101Whole();
        var plant = new RigidBodyPlant(model);
        int pan = model.JointIndex("shoulder_pan");
        plant.SetActuatorTorqueNm(pan, 0.5);
        double worst = double.NegativeInfinity;
        for (int i = 0; i < 4000; i++)
        {
            plant.Step(0.001);
            worst = Math.Max(worst, plant.GetPositionRad(pan));
        }

        double upper = model.Joints[pan].UpperLimit;
        Assert.InRange(plant.GetPositionRad(pan), upper, upper + 0.05);
        Assert.True(worst < upper + 0.1, $"overshoot to {worst} past {upper}");
        Assert.True(Math.Abs(plant.GetVelocityRadPerSec(pan)) < 1e-3);
    }

    [Fact]
    public void Step_SliderRestingOnTable_SensorReadsTheToolsShareOfTheContact()
    {
        var plant = Slider(new PlantOptions { TableHeightM = -0.5, ContactSpheres = [new("tool", new Vec3(0, 0, -0.1), 0.02)], ForceTorqueSensors = ["ft_sensor"] });
        Settle(plant, 2000);

        Assert.Equal(1, plant.ActiveContacts);
        // The tip rests on the table: sphere bottom at the carriage height − 0.02 − 0.01 − 0.1 − 0.02.
        double carriage = plant.GetPositionRad(0);
        Assert.InRange(carriage + -0.15, -0.5 - 0.002, -0.5);
        SensorWrench w = plant.GetSensorWrench(0);
        // Contact pushes the tool up with the whole 1.5 kg weight; the tool's own 0.5 kg hangs on the sensor: the
        // sensor is pushed up by the difference, 1 kg × g.
        Assert.Equal(9.81, w.ForceZN, 2);
        Assert.Equal(0, w.ForceXN, 6);
        Assert.Equal(0, w.TorqueXNm, 6);
    }

    [Fact]
    public void Step_SliderHangingFree_SensorReadsTheToolWeightDownward()
    {
        var plant = Slider(new PlantOptions { ForceTorqueSensors = ["ft_sensor"] });
        plant.SetActuatorTorqueNm(0, 1.5 * 9.81); // hold the slider up
        Settle(plant, 200);

        Assert.Equal(-0.5 * 9.81, plant.GetSensorWrench(0).ForceZN, 6);
    }

    [Fact]
    public void AttachPayload_OnTool_SensorFeelsItsWeight()
    {
        var plant = Slider(new PlantOptions { ForceTorqueSensors = ["ft_sensor"] });
        plant.SetActuatorTorqueNm(0, 3.5 * 9.81);
        plant.AttachPayload("tool", RigidInertia.FromCenterOfMass(2.0, new Vec3(0.1, 0, -0.1), default));
        Settle(plant, 200);

        SensorWrench w = plant.GetSensorWrench(0);
        Assert.Equal(-2.5 * 9.81, w.ForceZN, 6);
        // 2 kg pulling down (−z) at 0.1 m along +x: r × F = (0.1, 0, ·) × (0, 0, −2g) gives +0.1·2g about y.
        Assert.Equal(0.1 * 2.0 * 9.81, w.TorqueYNm, 6);
    }

    [Fact]
    public void Step_SliderOnBox_RestsOnTheBoxTop()
    {
        var box = new BoxObstacle("cube", new Vec3(-0.1, -0.1, -0.6), new Vec3(0.1, 0.1, -0.3));
        var plant = Slider(new PlantOptions { TableHeightM = -0.6, Boxes = [box], ContactSpheres = [new("tool", new Vec3(0, 0, -0.1), 0.02)] });
        Settle(plant, 2000);

        Assert.InRange(plant.GetPositionRad(0) - 0.15, -0.3 - 0.002, -0.3);
    }

    [Fact]
    public void SetActuatorTorque_NaN_IsIgnoredAsZero()
    {
        var plant = Slider(new PlantOptions());
        plant.SetActuatorTorqueNm(0, double.NaN);
        plant.Step(0.001);
        Assert.True(double.IsFinite(plant.GetPositionRad(0)));
        Assert.Equal(0, plant.GetActuatorTorqueNm(0));
    }

    [Fact]
    public void Constructor_SensorOnUnknownLink_ThrowsNamingIt()
    {
        var e = Assert.Throws<KeyNotFoundException>(() => Slider(new PlantOptions { ForceTorqueSensors = ["wrist_ft"] }));
        Assert.Contains("wrist_ft", e.Message);
    }

    [Fact]
    public void Step_G1WithContactsAndSensor_AllocatesNothing()
    {
        RobotModel model = TestRobots.G1Whole();
        var plant = new RigidBodyPlant(model, new PlantOptions
        {
            TableHeightM = -0.9,
            Boxes = [new BoxObstacle("step", new Vec3(0.1, -0.2, -0.9), new Vec3(0.3, 0.2, -0.8)), new BoxObstacle("wall", new Vec3(0.5, -1, -0.9), new Vec3(0.6, 1, 1))],
            ContactSpheres = [new("left_ankle_roll_link", Vec3.Zero, 0.05), new("right_ankle_roll_link", Vec3.Zero, 0.05)],
            ForceTorqueSensors = ["left_wrist_yaw_link"],
        });
        plant.Step(0.001);
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 1000; i++)
        {
            plant.Step(0.001);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    private static RigidBodyPlant Slider(PlantOptions options) =>
        new(RobotModel.FromUrdf(UrdfParser.Parse(SliderUrdf, "slider.urdf")), options);

    private static void Settle(RigidBodyPlant plant, int steps)
    {
        for (int i = 0; i < steps; i++)
        {
            plant.Step(0.001);
        }
    }

    private static double KineticEnergy(RigidBodyPlant plant)
    {
        var data = new RobotData(plant.Model);
        MassMatrix.Compute(data, plant.Positions);
        int n = plant.JointCount;
        double e = 0;
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                e += 0.5 * plant.Velocities[i] * data.MassMatrixAt(i, j) * plant.Velocities[j];
            }
        }

        return e;
    }
}
