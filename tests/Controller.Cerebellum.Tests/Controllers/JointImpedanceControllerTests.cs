using Controller.Cerebellum.Controllers;
using Controller.Cerebellum.Loop;
using Controller.Cerebellum.Tests.Plant;
using Controller.Hardware.Devices;
using Controller.Pipeline.Messages;
using Controller.Robotics.Dynamics;
using Controller.Robotics.Model;

namespace Controller.Cerebellum.Tests.Controllers;

/// <summary>Joint impedance closed around the Panda on the rigid-body plant, as torque and as an MIT-style drive.</summary>
public class JointImpedanceControllerTests
{
    private static readonly double[] Pose = [0.3, -0.4, 0.2, -1.8, 0.1, 1.2, 0.5];

    private static JointPdGains[] Gains() => Enumerable.Range(0, 7).Select(j => new JointPdGains(j < 4 ? 300 : 100, j < 4 ? 25 : 8)).ToArray();

    private static JointBus[] TorqueBus() => ModesDriver.Bus(7, ActuatorModes.Position | ActuatorModes.Torque | ActuatorModes.Impedance);

    /// <summary>Runs 2 s of a sinusoid on every joint; returns the worst tracking error after the first 0.5 s and the worst speed.</summary>
    private static (double error, double speed) Track(JointImpedanceOutput output, FeedForwardMode mode)
    {
        var model = PlantRig.PandaArm();
        var rig = new PlantRig(model);
        rig.Place(Pose);
        var reference = new SineReference(Pose);
        var controller = new JointImpedanceController(Gains(), TorqueBus(), reference, model, mode, output);
        controller.Activate(rig.Time, in rig.Measured);
        double worst = 0, speed = 0;
        for (int k = 0; k < 2000; k++)
        {
            controller.Update(rig.Time, in rig.Measured, ref rig.Command);
            if (output == JointImpedanceOutput.Impedance) DriveClosesTheLoop(rig);
            else rig.Actuate();
            rig.Advance();
            if (k > 500)
            {
                for (int j = 0; j < 7; j++)
                {
                    worst = Math.Max(worst, Math.Abs(rig.Plant.Positions[j] - reference.Position(j, rig.Time.NowNs)));
                    speed = Math.Max(speed, Math.Abs(rig.Plant.Velocities[j]));
                }
            }
        }
        return (worst, speed);
    }

    /// <summary>What an MIT-mode drive does with an impedance command: τ = Kp(q* − q) + Kd(q̇* − q̇) + τff.</summary>
    private static void DriveClosesTheLoop(PlantRig rig)
    {
        ref var c = ref rig.Command;
        Assert.Equal(ControlMode.Impedance, c.Mode);
        for (int j = 0; j < 7; j++)
        {
            double tau = c.Stiffness[j] * (c.Position[j] - rig.Measured.Position[j]) + c.Damping[j] * (c.Velocity[j] - rig.Measured.Velocity[j]) + c.Effort[j];
            rig.Plant.SetActuatorTorqueNm(j, tau);
        }
    }

    [Theory]
    [InlineData(JointImpedanceOutput.Effort)]
    [InlineData(JointImpedanceOutput.Impedance)]
    public void Update_SinusoidReference_TracksWithGravityFeedForward(JointImpedanceOutput output)
    {
        var (error, speed) = Track(output, FeedForwardMode.Gravity);
        Assert.True(error < 0.02, $"tracking error {error} rad");
        Assert.True(speed < 1.0, $"joint speed {speed} rad/s: the reference moves at most 0.47 rad/s");
    }

    [Fact]
    public void Update_InverseDynamicsFeedForward_TracksTighterThanGravityOnly()
    {
        var (gravity, _) = Track(JointImpedanceOutput.Effort, FeedForwardMode.Gravity);
        var (inverse, _) = Track(JointImpedanceOutput.Effort, FeedForwardMode.InverseDynamics);
        Assert.True(inverse < gravity / 3, $"inverse dynamics {inverse} rad, gravity only {gravity} rad");
    }

    [Fact]
    public void Update_NoReference_HoldsThePoseAndComesToRest()
    {
        var model = PlantRig.PandaArm();
        var rig = new PlantRig(model);
        rig.Place(Pose);
        var controller = new JointImpedanceController(Gains(), TorqueBus(), model: model);
        controller.Activate(rig.Time, in rig.Measured);
        for (int k = 0; k < 2000; k++) rig.Step(controller);

        for (int j = 0; j < 7; j++)
        {
            Assert.True(Math.Abs(rig.Plant.Positions[j] - Pose[j]) < 1e-4, $"joint {j} moved {rig.Plant.Positions[j] - Pose[j]} rad");
            Assert.True(Math.Abs(rig.Plant.Velocities[j]) < 1e-4, $"joint {j} still moves at {rig.Plant.Velocities[j]} rad/s");
        }
    }

    [Fact]
    public void Activate_WhileMoving_FirstTorqueIsGravityMinusDampingNoJump()
    {
        var model = PlantRig.PandaArm();
        var rig = new PlantRig(model);
        double[] qd = [0.4, -0.3, 0.2, 0.5, -0.6, 0.1, 0.3];
        rig.Plant.SetState(Pose, qd);
        rig.Advance();
        var gains = Gains();
        var controller = new JointImpedanceController(gains, TorqueBus(), model: model);
        controller.Activate(rig.Time, in rig.Measured);
        controller.Update(rig.Time, in rig.Measured, ref rig.Command);

        var q = Enumerable.Range(0, 7).Select(j => rig.Measured.Position[j]).ToArray();
        var g = new double[7];
        InverseDynamics.Gravity(new RobotData(model), q, g);
        Assert.Equal(ControlMode.Effort, rig.Command.Mode);
        for (int j = 0; j < 7; j++)
        {
            Assert.Equal(rig.Measured.Position[j], rig.Command.Position[j]);
            Assert.Equal(g[j] - gains[j].Damping * rig.Measured.Velocity[j], rig.Command.Effort[j], 9);
        }
    }

    [Fact]
    public void Constructor_ActuatorWithoutTorque_RefusesNamingTheBus()
    {
        JointBus[] buses =
        [
            new JointBus(new ModesDriver("shoulder-cia402", 4, ActuatorModes.Position | ActuatorModes.Torque), 0),
            new JointBus(new ModesDriver("wrist-dynamixel", 3, ActuatorModes.Position | ActuatorModes.Velocity), 4),
        ];
        var e = Assert.Throws<InvalidOperationException>(() => new JointImpedanceController(Gains(), buses));
        Assert.Contains("wrist-dynamixel", e.Message);
        Assert.Contains("Torque", e.Message);

        var mit = Assert.Throws<InvalidOperationException>(() =>
            new JointImpedanceController(Gains(), ModesDriver.Bus(7, ActuatorModes.Torque), output: JointImpedanceOutput.Impedance));
        Assert.Contains("Impedance", mit.Message);
    }

    [Fact]
    public void Constructor_JointOnNoBus_Throws()
    {
        var e = Assert.Throws<ArgumentException>(() => new JointImpedanceController(Gains(), ModesDriver.Bus(5, ActuatorModes.Torque)));
        Assert.Contains("joint 5", e.Message);
    }

    [Fact]
    public void Update_TenThousandCycles_AllocatesNothing()
    {
        var model = PlantRig.PandaArm();
        var rig = new PlantRig(model);
        rig.Place(Pose);
        var controller = new JointImpedanceController(Gains(), TorqueBus(), new SineReference(Pose), model, FeedForwardMode.InverseDynamics);
        controller.Activate(rig.Time, in rig.Measured);
        controller.Update(rig.Time, in rig.Measured, ref rig.Command);
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 10_000; i++) controller.Update(rig.Time with { NowNs = i * 1_000_000L }, in rig.Measured, ref rig.Command);
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    /// <summary>q_ref = pose + 0.15·(1 − cos ωt) on every joint, ω = 2π·0.5 Hz, starting at rest on the pose.</summary>
    private sealed class SineReference(double[] pose) : ICycleController
    {
        private const double W = 2 * Math.PI * 0.5;
        public string Name => "sine";
        public double Position(int joint, long nowNs) => pose[joint] + 0.15 * (1 - Math.Cos(W * nowNs * 1e-9));
        public void Activate(in CycleTime time, in JointState measured) { }

        public void Update(in CycleTime time, in JointState measured, ref JointCommand command)
        {
            command.Mode = ControlMode.Position;
            command.JointCount = pose.Length;
            double t = time.NowNs * 1e-9;
            for (int j = 0; j < pose.Length; j++)
            {
                command.Position[j] = pose[j] + 0.15 * (1 - Math.Cos(W * t));
                command.Velocity[j] = 0.15 * W * Math.Sin(W * t);
                command.Effort[j] = 0;
            }
        }
    }
}
