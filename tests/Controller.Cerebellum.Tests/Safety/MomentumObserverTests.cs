using Controller.Cerebellum.Controllers;
using Controller.Cerebellum.Safety;
using Controller.Cerebellum.Tests.Plant;
using Controller.Robotics.Kinematics;
using Controller.Robotics.Model;
using Controller.Robotics.Simulation;
using Controller.Robotics.Spatial;
using FsCheck;
using FsCheck.Fluent;
using Xunit.Abstractions;

namespace Controller.Cerebellum.Tests.Safety;

/// <summary>Model-based collision detection on the Panda arm running on the rigid-body plant.</summary>
public class MomentumObserverTests(ITestOutputHelper output)
{
    private static readonly double[] Pose = [0.0, -0.3, 0.0, -2.0, 0.0, 1.8, 0.8];

    // Large shoulder/elbow joints, then the wrist (documented in Safety/README.md).
    private static readonly double[] Thresholds = [6, 6, 6, 6, 3, 3, 3];

    private static JointPdController StiffPd() =>
        new(Enumerable.Range(0, 7).Select(j => new JointPdGains(j < 4 ? 600 : 200, j < 4 ? 50 : 15)).ToArray());

    [Fact]
    public void Exceeded_FreeMotionAtFullSpeed_NeverFiresAcrossRandomTrajectories()
    {
        // Each joint follows A·(1 − cos ωt) with A and ω drawn so that the peak speed A·ω reaches up to the URDF's
        // velocity limit and the motion stays inside the position limits.
        var model = PlantRig.PandaArm();
        Prop.ForAll(Gen.Choose(0, int.MaxValue - 1).ToArbitrary(), seed =>
        {
            var random = new Random(seed);
            var rig = new PlantRig(model);
            rig.Place(Pose);
            var pd = StiffPd();
            var controller = new ModelFeedForwardController(pd, model, FeedForwardMode.InverseDynamics);
            var observer = new MomentumObserver(model, Thresholds);
            controller.Activate(rig.Time, in rig.Measured);
            var amplitude = new double[7];
            var omega = new double[7];
            for (int j = 0; j < 7; j++)
            {
                ModelJoint joint = model.Joints[j];
                double room = Math.Min(joint.UpperLimit - Pose[j], Pose[j] - joint.LowerLimit);
                amplitude[j] = (random.NextDouble() < 0.5 ? 1 : -1) * Math.Min(0.45 * room, 0.3 + 0.5 * random.NextDouble());
                omega[j] = (0.6 + 0.4 * random.NextDouble()) * joint.VelocityLimit / Math.Abs(amplitude[j]);
            }

            double peakSpeed = 0, worst = 0;
            for (int k = 0; k < 1500; k++)
            {
                double t = k * 1e-3;
                for (int j = 0; j < 7; j++)
                {
                    double w = Math.Min(omega[j], 2 * Math.PI * 3);
                    pd.Reference.Position[j] = Pose[j] + amplitude[j] * (1 - Math.Cos(w * t));
                    pd.Reference.Velocity[j] = amplitude[j] * w * Math.Sin(w * t);
                }

                rig.Step(controller);
                bool fired = observer.Exceeded(rig.Time, in rig.Measured, in rig.Command, out double value, out _);
                worst = Math.Max(worst, value);
                peakSpeed = Math.Max(peakSpeed, Enumerable.Range(0, 7).Max(j => Math.Abs(rig.Plant.Velocities[j])));
                Assert.False(fired, $"seed {seed}: fired at cycle {k} with residual {value} N·m in free motion");
            }

            Assert.True(peakSpeed > 1.0, $"the trajectory should be fast (peak {peakSpeed} rad/s)");
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(12));
    }

    [Fact]
    public void Exceeded_HandDrivenIntoABox_FiresWithinTwentyCyclesOfContact()
    {
        var model = PlantRig.PandaArm();
        var data = new RobotData(model);
        Transform3 hand = ForwardKinematics.FramePose(data, Pose, model.FrameIndex("panda_hand"));
        // A box whose top face is 3 cm below a 3 cm sphere at the hand's origin.
        var options = new PlantOptions
        {
            ContactSpheres = [new ContactSphere("panda_hand", Vec3.Zero, 0.03)],
            Boxes = [new BoxObstacle("block", hand.Translation - new Vec3(0.1, 0.1, 0.4), hand.Translation - new Vec3(-0.1, -0.1, 0.06))],
        };
        var rig = new PlantRig(model, options);
        rig.Place(Pose);
        var pd = StiffPd();
        var controller = new ModelFeedForwardController(pd, model, FeedForwardMode.InverseDynamics);
        var observer = new MomentumObserver(model, Thresholds);
        controller.Activate(rig.Time, in rig.Measured);

        // Lower the hand straight down at 0.1 m/s (IK on the reference each cycle), through where the box is.
        double[] q = (double[])Pose.Clone();
        double[] previous = (double[])Pose.Clone();
        var ik = new InverseKinematics(model, model.FrameIndex("panda_hand"));
        int firstContact = -1, fired = -1;
        for (int k = 0; k < 3000 && fired < 0; k++)
        {
            var target = hand with { Translation = hand.Translation - new Vec3(0, 0, 1e-4 * (k + 1)) };
            ik.Solve(target, q);
            for (int j = 0; j < 7; j++)
            {
                pd.Reference.Position[j] = q[j];
                pd.Reference.Velocity[j] = (q[j] - previous[j]) / 1e-3;
                previous[j] = q[j];
            }

            rig.Step(controller);
            if (firstContact < 0 && rig.Plant.ActiveContacts > 0)
            {
                firstContact = k;
            }

            if (observer.Exceeded(rig.Time, in rig.Measured, in rig.Command, out _, out _))
            {
                fired = k;
            }
        }

        output.WriteLine($"contact at cycle {firstContact}, collision detected at cycle {fired}: reaction {fired - firstContact} cycles");
        Assert.True(firstContact >= 0, "the hand never reached the box");
        Assert.True(fired >= firstContact, $"fired at {fired} before contact at {firstContact}");
        Assert.True(fired - firstContact <= 20, $"reaction {fired - firstContact} cycles after contact");
    }

    [Fact]
    public void Residual_SteadyPush_EstimatesTheExternalJointTorques()
    {
        // Joint force sensing: with a known external load (a payload the controller does not know about), the
        // residual converges to the torques it causes, Jᵀ·w.
        var model = PlantRig.PandaArm();
        var rig = new PlantRig(model);
        rig.Place(Pose);
        var pd = StiffPd();
        var controller = new ModelFeedForwardController(pd, model);
        var observer = new MomentumObserver(model, Enumerable.Repeat(1000.0, 7).ToArray());
        controller.Activate(rig.Time, in rig.Measured);
        for (int k = 0; k < 500; k++)
        {
            rig.Step(controller);
            observer.Exceeded(rig.Time, in rig.Measured, in rig.Command, out _, out _);
        }

        rig.Plant.AttachPayload("panda_hand", RigidInertia.FromCenterOfMass(1.5, new Vec3(0, 0, 0.05), default));
        for (int k = 0; k < 1500; k++)
        {
            rig.Step(controller);
            observer.Exceeded(rig.Time, in rig.Measured, in rig.Command, out _, out _);
        }

        // Expected: the payload's weight through the Jacobian of its centre of mass, at the current pose.
        var data = new RobotData(model);
        int hand = model.FrameIndex("panda_hand");
        ForwardKinematics.Compute(data, rig.Plant.Positions);
        var jacobian = new double[6 * 7];
        FrameJacobian.Compute(data, hand, jacobian);
        Transform3 pose = data.FramePose(hand);
        Vec3 lever = pose.Rotation * new Vec3(0, 0, 0.05);
        var force = new Vec3(0, 0, -1.5 * 9.81);
        Vec3 moment = Vec3.Cross(lever, force);
        double[] wrench = [force.X, force.Y, force.Z, moment.X, moment.Y, moment.Z];
        for (int j = 0; j < 7; j++)
        {
            double expected = 0;
            for (int r = 0; r < 6; r++)
            {
                expected += jacobian[r * 7 + j] * wrench[r];
            }

            Assert.True(Math.Abs(observer.Residual[j] - expected) < 0.05 + 0.02 * Math.Abs(expected), $"joint {j}: residual {observer.Residual[j]}, JᵀW {expected}");
        }
    }

    [Fact]
    public void Exceeded_TenThousandCycles_AllocatesNothing()
    {
        var model = PlantRig.PandaArm();
        var rig = new PlantRig(model);
        rig.Place(Pose);
        var observer = new MomentumObserver(model, Thresholds);
        observer.Exceeded(rig.Time, in rig.Measured, in rig.Command, out _, out _);
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 10_000; i++)
        {
            observer.Exceeded(rig.Time, in rig.Measured, in rig.Command, out _, out _);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void Constructor_ZeroThreshold_ThrowsNamingTheJoint()
    {
        var model = PlantRig.PandaArm();
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new MomentumObserver(model, [6, 6, 6, 0, 3, 3, 3]));
        Assert.Contains("panda_joint4", e.Message);
    }
}
