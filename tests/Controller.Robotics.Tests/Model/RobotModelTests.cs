using Controller.Robotics.Dynamics;
using Controller.Robotics.Kinematics;
using Controller.Robotics.Model;
using Controller.Robotics.Tests.Support;
using Controller.Robotics.Urdf;

namespace Controller.Robotics.Tests.Model;

public class RobotModelTests
{
    [Fact]
    public void FromUrdf_G1_Has29DofInTreeOrderAndEveryLinkAsFrame()
    {
        RobotModel model = TestRobots.G1Whole();
        Assert.Equal(29, model.DofCount);
        Assert.Equal(TestRobots.G1.Links.Count, model.Frames.Count);
        Assert.Equal("left_hip_pitch_joint", model.Joints[0].Name);
        for (int i = 0; i < model.DofCount; i++)
        {
            Assert.True(model.Parents[i] < i, $"body {i} has parent {model.Parents[i]}: parents must come first");
        }
    }

    [Fact]
    public void FromUrdf_So101_JointOrderIsLeRobotsMotorOrder()
    {
        RobotModel model = TestRobots.So101Whole();
        Assert.Equal(
            ["shoulder_pan", "shoulder_lift", "elbow_flex", "wrist_flex", "wrist_roll", "gripper"],
            model.Joints.Select(j => j.Name));
    }

    [Fact]
    public void FromUrdf_Panda_MimicFingerPointsAtItsLeader()
    {
        RobotModel model = RobotModel.FromUrdf(TestRobots.Panda);
        ModelJoint follower = model.Joints[model.JointIndex("panda_finger_joint2")];
        Assert.Equal(model.JointIndex("panda_finger_joint1"), follower.MimicOf);
        Assert.Equal(JointKind.Prismatic, follower.Kind);
    }

    [Fact]
    public void FromUrdf_FixedLinksMergeIntoTheirBody_TotalMassPreserved()
    {
        RobotModel model = TestRobots.PandaArm();
        double urdfMass = TestRobots.Panda.Links
            .Where(l => l.Name is not ("panda_link0" or "panda_leftfinger" or "panda_rightfinger" or "panda_grasptarget"))
            .Sum(l => l.Inertial?.Mass ?? 0);
        Assert.Equal(urdfMass, model.MovingMass, 12);
    }

    [Fact]
    public void FromUrdf_FloatingJoint_RejectedWithItsName()
    {
        const string xml = """
            <robot name="f">
              <link name="world"/><link name="base"/>
              <joint name="free" type="floating"><parent link="world"/><child link="base"/></joint>
            </robot>
            """;
        var e = Assert.Throws<ArgumentException>(() => RobotModel.FromUrdf(UrdfParser.Parse(xml, "f.urdf")));
        Assert.Contains("'free'", e.Message);
        Assert.Contains("floating", e.Message);
    }

    [Fact]
    public void JointIndex_UnknownName_ThrowsListingTheJoints()
    {
        var e = Assert.Throws<KeyNotFoundException>(() => TestRobots.PandaArm().JointIndex("elbow"));
        Assert.Contains("panda_joint4", e.Message);
    }

    [Fact]
    public void InverseDynamics_WrongSpanLength_ThrowsNamingTheSpan()
    {
        var data = new RobotData(TestRobots.PandaArm());
        var e = Assert.Throws<ArgumentException>(() => InverseDynamics.Gravity(data, new double[6], new double[7]));
        Assert.Contains("q has 6 entries", e.Message);
    }

    [Fact]
    public void Algorithms_ThousandsOfCallsOnG1_AllocateNothing()
    {
        RobotModel model = TestRobots.G1Whole();
        var data = new RobotData(model);
        int n = model.DofCount;
        var random = new Random(3);
        double[] q = TestRobots.RandomConfiguration(model, random);
        double[] qd = TestRobots.RandomVector(n, random, 1);
        double[] qdd = TestRobots.RandomVector(n, random, 1);
        var tau = new double[n];
        var jacobian = new double[6 * n];
        int hand = model.FrameIndex("left_wrist_yaw_link");

        void Cycle()
        {
            for (int k = 0; k < 2000; k++)
            {
                ForwardKinematics.Compute(data, q);
                FrameJacobian.Compute(data, hand, jacobian);
                InverseDynamics.Compute(data, q, qd, qdd, tau);
                MassMatrix.Compute(data, q);
                ForwardDynamics.Compute(data, q, qd, tau, qdd);
            }
        }

        Cycle();
        long before = GC.GetAllocatedBytesForCurrentThread();
        Cycle();
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void WithArmature_AddsReflectedInertiaToTheMassMatrixDiagonalOnly()
    {
        RobotModel plain = TestRobots.PandaArm();
        RobotModel geared = plain.WithArmature([0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7]);
        double[] q = TestRobots.RandomConfiguration(plain, new Random(4));
        var a = new RobotData(plain);
        var b = new RobotData(geared);
        MassMatrix.Compute(a, q);
        MassMatrix.Compute(b, q);
        for (int i = 0; i < 7; i++)
        {
            for (int j = 0; j < 7; j++)
            {
                Assert.Equal(a.MassMatrixAt(i, j) + (i == j ? 0.1 * (i + 1) : 0), b.MassMatrixAt(i, j), 12);
            }
        }
    }

    [Fact]
    public void WithArmature_Negative_ThrowsNamingTheJoint()
    {
        var e = Assert.Throws<ArgumentException>(() => TestRobots.PandaArm().WithArmature([0, 0, -1, 0, 0, 0, 0]));
        Assert.Contains("panda_joint3", e.Message);
    }
}
