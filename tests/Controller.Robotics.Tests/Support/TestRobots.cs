using Controller.Robotics.Model;
using Controller.Robotics.Urdf;

namespace Controller.Robotics.Tests.Support;

/// <summary>The real URDFs in Data/ (sources in Data/README.md), parsed once per test run.</summary>
internal static class TestRobots
{
    private static readonly Lazy<UrdfRobot> PandaUrdf = new(() => Load("franka_panda.urdf"));
    private static readonly Lazy<UrdfRobot> So101Urdf = new(() => Load("so101_new_calib.urdf"));
    private static readonly Lazy<UrdfRobot> G1Urdf = new(() => Load("unitree_g1_29dof.urdf"));

    public static UrdfRobot Panda => PandaUrdf.Value;

    public static UrdfRobot So101 => So101Urdf.Value;

    public static UrdfRobot G1 => G1Urdf.Value;

    public static UrdfRobot Load(string file) => UrdfParser.ParseFile(Path.Combine(AppContext.BaseDirectory, "Data", file));

    /// <summary>The 7-DoF Panda arm, link0 → hand (no fingers).</summary>
    public static RobotModel PandaArm() => RobotModel.FromUrdfChain(Panda, "panda_link0", "panda_hand");

    /// <summary>The whole 29-DoF G1 with its pelvis pinned.</summary>
    public static RobotModel G1Whole() => RobotModel.FromUrdf(G1);

    /// <summary>The whole SO-101 (5 arm joints and the gripper).</summary>
    public static RobotModel So101Whole() => RobotModel.FromUrdf(So101);

    /// <summary>A reproducible configuration inside the joint limits (±π for unlimited joints).</summary>
    public static double[] RandomConfiguration(RobotModel model, Random random)
    {
        var q = new double[model.DofCount];
        for (int i = 0; i < q.Length; i++)
        {
            ModelJoint j = model.Joints[i];
            double lo = double.IsFinite(j.LowerLimit) ? j.LowerLimit : -Math.PI;
            double hi = double.IsFinite(j.UpperLimit) ? j.UpperLimit : Math.PI;
            q[i] = lo + (hi - lo) * random.NextDouble();
        }

        return q;
    }

    /// <summary>Uniform values in [−scale, scale].</summary>
    public static double[] RandomVector(int n, Random random, double scale)
    {
        var v = new double[n];
        for (int i = 0; i < n; i++)
        {
            v[i] = scale * (2 * random.NextDouble() - 1);
        }

        return v;
    }
}
