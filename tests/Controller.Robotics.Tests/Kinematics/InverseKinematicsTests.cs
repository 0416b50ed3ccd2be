using Controller.Robotics.Kinematics;
using Controller.Robotics.Model;
using Controller.Robotics.Spatial;
using Controller.Robotics.Tests.Support;
using FsCheck;
using FsCheck.Fluent;

namespace Controller.Robotics.Tests.Kinematics;

public class InverseKinematicsTests
{
    private static readonly (RobotModel Model, string Frame, IkOptions Options)[] Arms =
    [
        (TestRobots.PandaArm(), "panda_hand", new IkOptions()),
        (RobotModel.FromUrdfChain(TestRobots.G1, "pelvis", "left_wrist_yaw_link"), "left_wrist_yaw_link", new IkOptions()),
        (RobotModel.FromUrdfChain(TestRobots.So101, "base_link", "gripper_frame_link"), "gripper_frame_link", new IkOptions { OrientationWeight = 0 }),
    ];

    private static Arbitrary<(int Arm, int Seed)> Cases() =>
        Gen.Choose(0, Arms.Length - 1).SelectMany(a => Gen.Choose(0, int.MaxValue - 1).Select(s => (a, s))).ToArbitrary();

    [Fact]
    public void Solve_PoseReachedByAConfiguration_RecoversThePoseWithinLimits()
    {
        // FK/IK round trip inside the workspace: the target is where a random configuration puts the frame, the
        // seed a perturbation of that configuration (IK is local; a far seed may land in another branch).
        Prop.ForAll(Cases(), c =>
        {
            var (model, frameName, options) = Arms[c.Arm];
            var random = new Random(c.Seed);
            var data = new RobotData(model);
            int frame = model.FrameIndex(frameName);
            double[] truth = TestRobots.RandomConfiguration(model, random);
            Transform3 target = ForwardKinematics.FramePose(data, truth, frame);
            double[] q = Perturbed(model, truth, random, 0.3);

            IkResult result = new InverseKinematics(model, frame, options).Solve(target, q);

            Assert.True(result.Converged, $"{model.Name}/{frameName}: {result}");
            AssertWithinLimits(model, q);
            Transform3 reached = ForwardKinematics.FramePose(data, q, frame);
            Assert.True((reached.Translation - target.Translation).Norm < 1e-6);
            if (options.OrientationWeight > 0)
            {
                Assert.True(RotationLog.Of(target.Rotation * reached.Rotation.Transpose()).Norm < 1e-6);
            }
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Solve_UnreachableTarget_StaysWithinLimitsAndReportsNotConverged()
    {
        var (model, frameName, options) = Arms[0];
        int frame = model.FrameIndex(frameName);
        double[] q = new double[model.DofCount];
        q[3] = -1.5; // the Panda's elbow cannot be at 0
        var target = new Transform3(Mat3.Identity, new Vec3(3, 0, 0.5)); // 3 m away: beyond reach

        IkResult result = new InverseKinematics(model, frame, options with { MaxIterations = 100 }).Solve(target, q);

        Assert.False(result.Converged);
        Assert.True(result.PositionErrorM > 1.5);
        AssertWithinLimits(model, q);
    }

    [Fact]
    public void Solve_WithRestPosture_ReachesTargetAndStaysCloserToRest()
    {
        // The Panda has one redundant joint: the null-space task uses it to stay near the rest posture.
        var (model, frameName, options) = Arms[0];
        int frame = model.FrameIndex(frameName);
        var data = new RobotData(model);
        double[] rest = [0, -0.5, 0, -2.0, 0, 1.6, 0.8];
        double[] truth = [0.9, 0.2, -1.2, -1.8, 0.5, 2.0, -0.3];
        Transform3 target = ForwardKinematics.FramePose(data, truth, frame);

        double[] plain = (double[])truth.Clone();
        plain[0] += 0.2; plain[2] -= 0.2;
        double[] withRest = (double[])plain.Clone();
        var solver = new InverseKinematics(model, frame, options with { MaxIterations = 2000 });
        IkResult a = solver.Solve(target, plain);
        IkResult b = solver.Solve(target, withRest, rest);

        Assert.True(a.Converged, a.ToString());
        Assert.True(b.Converged, b.ToString());
        Assert.True(Distance(withRest, rest) < Distance(plain, rest) - 0.1, $"rest distance {Distance(withRest, rest)} vs {Distance(plain, rest)}");
    }

    [Fact]
    public void Solve_RepeatedOnG1Arm_AllocatesNothing()
    {
        var (model, frameName, options) = Arms[1];
        int frame = model.FrameIndex(frameName);
        var solver = new InverseKinematics(model, frame, options);
        var data = new RobotData(model);
        double[] truth = TestRobots.RandomConfiguration(model, new Random(5));
        Transform3 target = ForwardKinematics.FramePose(data, truth, frame);
        double[] q = new double[model.DofCount];
        double[] rest = new double[model.DofCount];

        solver.Solve(target, q, rest);
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 50; i++)
        {
            Array.Copy(truth, q, q.Length);
            solver.Solve(target, q, rest);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void RotationLog_HalfTurnsAndSmallAngles_InvertAxisAngle()
    {
        var random = new Random(11);
        foreach (double angle in new[] { 0.0, 1e-12, 1e-6, 0.5, 3.0, Math.PI - 1e-9, Math.PI })
        {
            for (int k = 0; k < 20; k++)
            {
                var axis = new Vec3(random.NextDouble() - 0.5, random.NextDouble() - 0.5, random.NextDouble() - 0.5);
                axis = (1 / axis.Norm) * axis;
                Vec3 w = RotationLog.Of(Mat3.FromAxisAngle(axis, angle));
                Mat3 back = Mat3.FromAxisAngle(w.Norm > 0 ? (1 / w.Norm) * w : axis, w.Norm);
                Assert.True(Mat3.MaxAbsDifference(back, Mat3.FromAxisAngle(axis, angle)) < 1e-7, $"angle {angle}");
            }
        }
    }

    private static double[] Perturbed(RobotModel model, double[] q, Random random, double amount)
    {
        var p = new double[q.Length];
        for (int i = 0; i < q.Length; i++)
        {
            ModelJoint j = model.Joints[i];
            p[i] = Math.Clamp(q[i] + amount * (2 * random.NextDouble() - 1), j.LowerLimit, j.UpperLimit);
        }

        return p;
    }

    private static void AssertWithinLimits(RobotModel model, double[] q)
    {
        for (int i = 0; i < q.Length; i++)
        {
            Assert.InRange(q[i], model.Joints[i].LowerLimit, model.Joints[i].UpperLimit);
        }
    }

    private static double Distance(double[] a, double[] b) => Math.Sqrt(a.Zip(b, (x, y) => (x - y) * (x - y)).Sum());
}
