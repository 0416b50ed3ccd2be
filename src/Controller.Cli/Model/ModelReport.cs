using Controller.Robotics.Model;
using Controller.Robotics.Spatial;

namespace Controller.Cli.Model;

/// <summary>The JSON shapes of <c>robotctl model</c> (snake_case keys; unlimited values are null).</summary>
internal static class ModelReport
{
    public static object Inspect(RobotModel model) => new Dictionary<string, object?>
    {
        ["name"] = model.Name,
        ["root_link"] = model.RootLink,
        ["dof"] = model.DofCount,
        ["moving_mass_kg"] = model.MovingMass,
        ["joints"] = model.Joints.Select(j => new Dictionary<string, object?>
        {
            ["name"] = j.Name,
            ["type"] = j.IsContinuous ? "continuous" : j.Kind == JointKind.Prismatic ? "prismatic" : "revolute",
            ["parent"] = j.ParentLink,
            ["child"] = j.ChildLink,
            ["lower"] = Finite(j.LowerLimit),
            ["upper"] = Finite(j.UpperLimit),
            ["velocity"] = Finite(j.VelocityLimit),
            ["effort"] = Finite(j.EffortLimit),
            ["mimic_of"] = j.MimicOf >= 0 ? model.Joints[j.MimicOf].Name : null,
        }).ToArray(),
        ["links"] = model.Frames.Select(f => new Dictionary<string, object?>
        {
            ["name"] = f.Name,
            ["parent"] = f.ParentFrame >= 0 ? model.Frames[f.ParentFrame].Name : null,
            ["moved_by"] = f.Body >= 0 ? model.Joints[f.Body].Name : null,
            ["mass_kg"] = f.LinkInertia.Mass,
        }).ToArray(),
    };

    public static object Pose(string frame, in Transform3 pose) => new Dictionary<string, object?>
    {
        ["frame"] = frame,
        ["position"] = new[] { pose.Translation.X, pose.Translation.Y, pose.Translation.Z },
        ["rotation"] = new[]
        {
            new[] { pose.Rotation.M00, pose.Rotation.M01, pose.Rotation.M02 },
            new[] { pose.Rotation.M10, pose.Rotation.M11, pose.Rotation.M12 },
            new[] { pose.Rotation.M20, pose.Rotation.M21, pose.Rotation.M22 },
        },
    };

    public static object Jacobian(string frame, double[] jacobian, int n) => new Dictionary<string, object?>
    {
        ["frame"] = frame,
        ["rows"] = "linear x, y, z then angular x, y, z; root frame; reference point at the frame origin",
        ["jacobian"] = Enumerable.Range(0, 6).Select(r => jacobian.Skip(r * n).Take(n).ToArray()).ToArray(),
    };

    public static object Torques(double[] tau) => new Dictionary<string, object?>
    {
        ["gravity"] = new[] { 0, 0, -9.81 },
        ["tau"] = tau,
    };

    private static double? Finite(double value) => double.IsFinite(value) ? value : null;
}
