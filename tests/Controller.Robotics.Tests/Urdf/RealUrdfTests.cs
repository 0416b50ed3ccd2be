using Controller.Robotics.Urdf;

namespace Controller.Robotics.Tests.Urdf;

public class RealUrdfTests
{
    internal static string DataPath(string file) => Path.Combine(AppContext.BaseDirectory, "Data", file);

    [Fact]
    public void ParseFile_Panda_Has7RevoluteAnd2PrismaticWithMimic()
    {
        var robot = UrdfParser.ParseFile(DataPath("franka_panda.urdf"));
        Assert.Equal("panda", robot.Name);
        Assert.Equal("panda_link0", robot.RootLink);
        Assert.Equal(7, robot.Joints.Count(j => j.Type == UrdfJointType.Revolute));
        Assert.Equal(2, robot.Joints.Count(j => j.Type == UrdfJointType.Prismatic));
        Assert.Equal(3, robot.Joints.Count(j => j.Type == UrdfJointType.Fixed));
        Assert.Equal(9, robot.MovableJoints.Count);
        Assert.Equal(8, robot.ActuatedJoints.Count);
        var finger2 = robot.Joint("panda_finger_joint2");
        Assert.Equal(new UrdfMimic("panda_finger_joint1", 1, 0), finger2.Mimic);
        Assert.Equal(new Vector3d(0, -1, 0), finger2.Axis);
        Assert.Equal(new UrdfLimit(-0.0873, 3.8223, 2.61, 12), robot.Joint("panda_joint6").Limit);
        Assert.Equal(0.81, robot.Link("panda_hand").Inertial!.Mass);
        Assert.Equal(Vector3d.UnitX, robot.Joint("panda_joint8").Axis); // zero axis on a fixed joint
        Assert.Equal(9, robot.Chain("panda_link0", "panda_hand").Count);
        Assert.Equal(Enumerable.Range(1, 7).Select(i => $"panda_joint{i}"),
            robot.Chain("panda_link0", "panda_link7").Select(j => j.Name));
    }

    [Fact]
    public void ParseFile_So101_Has6RevoluteJoints()
    {
        var robot = UrdfParser.ParseFile(DataPath("so101_new_calib.urdf"));
        Assert.Equal("base_link", robot.RootLink);
        Assert.Equal(6, robot.MovableJoints.Count);
        Assert.Equal(["elbow_flex", "gripper", "shoulder_lift", "shoulder_pan", "wrist_flex", "wrist_roll"],
            robot.MovableJoints.Select(j => j.Name));
        Assert.Equal(new UrdfLimit(-2.74385, 2.84121, 10, 10), robot.Joint("wrist_roll").Limit);
        Assert.Equal(0.0486795, robot.Joint("wrist_roll").Origin.Rpy.Pitch);
        Assert.Equal(5, robot.Chain("base_link", "gripper_frame_link").Count(j => j.IsMovable)); // 5 arm joints
        Assert.Equal(6, robot.Chain("base_link", "moving_jaw_so101_v1_link").Count);
    }

    [Fact]
    public void ParseFile_G1_Has29MovableJointsAndPelvisRoot()
    {
        var robot = UrdfParser.ParseFile(DataPath("unitree_g1_29dof.urdf"));
        Assert.Equal("g1_29dof", robot.Name);
        Assert.Equal("pelvis", robot.RootLink);
        Assert.Equal(29, robot.MovableJoints.Count);
        Assert.Equal(40, robot.Links.Count); // the "world" link is commented out
        Assert.Equal(new UrdfLimit(-0.087267, 2.8798, 20, 139), robot.Joint("left_knee_joint").Limit);
        Assert.Equal(6, robot.Chain("pelvis", "left_ankle_roll_link").Count);
        Assert.Equal(10, robot.Chain("pelvis", "left_rubber_hand").Count(j => j.IsMovable));
    }

    [Fact]
    public void Chain_TipAboveBase_ThrowsArgumentException()
    {
        var robot = UrdfParser.ParseFile(DataPath("franka_panda.urdf"));
        Assert.Throws<ArgumentException>(() => robot.Chain("panda_hand", "panda_link0"));
        Assert.Throws<ArgumentException>(() => robot.Chain("nope", "panda_link0"));
    }
}
