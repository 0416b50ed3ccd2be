using System.Text.Json;
using Controller.Robotics.Dynamics;
using Controller.Robotics.Kinematics;
using Controller.Robotics.Model;
using Controller.Robotics.Spatial;
using Controller.Robotics.Tests.Support;

namespace Controller.Robotics.Tests.Reference;

/// <summary>
/// Our kinematics and dynamics against Orocos KDL on chains of the real URDFs. The fixtures are written by
/// make_kdl_fixtures.py (beside this file) with python3-pykdl; see README.md here.
/// </summary>
public class KdlReferenceTests
{
    private const double KinematicsTolerance = 1e-9;
    private const double DynamicsTolerance = 1e-6;

    public static TheoryData<string> Fixtures() => new(FixtureNames());

    private static IEnumerable<string> FixtureNames() =>
        Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Reference"), "kdl-*.json").Select(f => Path.GetFileName(f));

    [Fact]
    public void Fixtures_AllSixChainsPresent()
    {
        Assert.Equal(6, FixtureNames().Count());
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void ForwardKinematics_EverySegmentOfEveryCase_MatchesKdlTo1e9(string fixture)
    {
        var (data, doc) = Load(fixture);
        foreach (JsonElement c in doc.GetProperty("cases").EnumerateArray())
        {
            ForwardKinematics.Compute(data, Doubles(c, "q"));
            foreach (JsonProperty frame in c.GetProperty("frames").EnumerateObject())
            {
                Transform3 pose = data.FramePose(data.Model.FrameIndex(frame.Name));
                double[] p = Doubles(frame.Value, "position");
                double[] r = Doubles(frame.Value, "rotation");
                AssertClose(p, [pose.Translation.X, pose.Translation.Y, pose.Translation.Z], KinematicsTolerance, $"{fixture} {frame.Name} position");
                AssertClose(r, Flatten(pose.Rotation), KinematicsTolerance, $"{fixture} {frame.Name} rotation");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Jacobian_Tip_MatchesKdlTo1e9(string fixture)
    {
        var (data, doc) = Load(fixture);
        int tip = data.Model.FrameIndex(doc.GetProperty("tip").GetString()!);
        var jacobian = new double[6 * data.Model.DofCount];
        foreach (JsonElement c in doc.GetProperty("cases").EnumerateArray())
        {
            ForwardKinematics.Compute(data, Doubles(c, "q"));
            FrameJacobian.Compute(data, tip, jacobian);
            AssertClose(Doubles(c, "jacobian"), jacobian, KinematicsTolerance, $"{fixture} jacobian");
        }
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void InverseDynamics_Full_MatchesKdlRneTo1e6(string fixture)
    {
        var (data, doc) = Load(fixture);
        var tau = new double[data.Model.DofCount];
        foreach (JsonElement c in doc.GetProperty("cases").EnumerateArray())
        {
            InverseDynamics.Compute(data, Doubles(c, "q"), Doubles(c, "qd"), Doubles(c, "qdd"), tau);
            AssertClose(Doubles(c, "tau"), tau, DynamicsTolerance, $"{fixture} tau");
        }
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void GravityAndCoriolis_MatchKdlDynParamTo1e6(string fixture)
    {
        var (data, doc) = Load(fixture);
        var tau = new double[data.Model.DofCount];
        foreach (JsonElement c in doc.GetProperty("cases").EnumerateArray())
        {
            InverseDynamics.Gravity(data, Doubles(c, "q"), tau);
            AssertClose(Doubles(c, "gravity"), tau, DynamicsTolerance, $"{fixture} gravity");
            InverseDynamics.Coriolis(data, Doubles(c, "q"), Doubles(c, "qd"), tau);
            AssertClose(Doubles(c, "coriolis"), tau, DynamicsTolerance, $"{fixture} coriolis");
        }
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void MassMatrix_MatchesKdlDynParamTo1e6(string fixture)
    {
        var (data, doc) = Load(fixture);
        foreach (JsonElement c in doc.GetProperty("cases").EnumerateArray())
        {
            MassMatrix.Compute(data, Doubles(c, "q"));
            AssertClose(Doubles(c, "mass_matrix"), data.MassMatrix, DynamicsTolerance, $"{fixture} mass matrix");
        }
    }

    private static (RobotData Data, JsonElement Doc) Load(string fixture)
    {
        JsonElement doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Reference", fixture))).RootElement;
        var robot = TestRobots.Load(doc.GetProperty("urdf").GetString()!);
        var model = RobotModel.FromUrdfChain(robot, doc.GetProperty("base").GetString()!, doc.GetProperty("tip").GetString()!);
        string[] joints = doc.GetProperty("joints").EnumerateArray().Select(j => j.GetString()!).ToArray();
        Assert.Equal(joints, model.Joints.Select(j => j.Name));
        return (new RobotData(model), doc);
    }

    private static double[] Doubles(JsonElement e, string name) =>
        e.GetProperty(name).EnumerateArray().Select(v => v.GetDouble()).ToArray();

    private static double[] Flatten(in Mat3 m) => [m.M00, m.M01, m.M02, m.M10, m.M11, m.M12, m.M20, m.M21, m.M22];

    private static void AssertClose(double[] expected, ReadOnlySpan<double> actual, double tolerance, string what)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            double error = Math.Abs(expected[i] - actual[i]);
            Assert.True(error <= tolerance, $"{what}[{i}]: KDL {expected[i]:R}, ours {actual[i]:R}, |error| {error:E2} > {tolerance:E0}");
        }
    }
}
