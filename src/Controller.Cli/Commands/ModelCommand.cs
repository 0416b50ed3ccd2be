using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Controller.Cli.Model;
using Controller.Robotics.Dynamics;
using Controller.Robotics.Kinematics;
using Controller.Robotics.Model;
using Controller.Robotics.Urdf;

namespace Controller.Cli.Commands;

/// <summary>
/// <c>robotctl model inspect|fk|jacobian|id &lt;urdf&gt;</c>: the robot model from the command line, in text for
/// people and in JSON (<c>--json</c>, on standard output) for scripts. Joint values are given in the model's order,
/// the order <c>inspect</c> lists.
/// </summary>
public static class ModelCommand
{
    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true };

    /// <summary>Builds the <c>model</c> command and its subcommands.</summary>
    public static Command Create() => new("model", "Inspect a URDF robot and compute its kinematics and dynamics; check brain model manifests.")
    {
        Inspect(), Fk(), Jacobian(), Id(), ModelManifestCommands.Check(), ModelManifestCommands.GenerateDemo(),
    };

    private static Command Inspect()
    {
        var (urdf, json, chainBase, chainTip) = Common();
        var command = new Command("inspect", "Tree, degrees of freedom, limits and masses.") { urdf, json, chainBase, chainTip };
        command.SetAction(parse => Run(parse, urdf, chainBase, chainTip, (model, output) =>
        {
            if (parse.GetValue(json))
            {
                output.WriteLine(JsonSerializer.Serialize(ModelReport.Inspect(model), JsonOptions));
                return 0;
            }

            output.WriteLine($"{model.Name}: {model.DofCount} degrees of freedom, root '{model.RootLink}', moving mass {model.MovingMass:F3} kg");
            output.WriteLine($"{"#",3} {"joint",-32} {"type",-10} {"lower",9} {"upper",9} {"velocity",9} {"effort",9}");
            for (int i = 0; i < model.DofCount; i++)
            {
                ModelJoint j = model.Joints[i];
                string type = j.IsContinuous ? "continuous" : j.Kind.ToString().ToLowerInvariant();
                output.WriteLine($"{i,3} {j.Name,-32} {type,-10} {Num(j.LowerLimit),9} {Num(j.UpperLimit),9} {Num(j.VelocityLimit),9} {Num(j.EffortLimit),9}" +
                                 (j.MimicOf >= 0 ? $"  mimics {model.Joints[j.MimicOf].Name}" : ""));
            }

            output.WriteLine("links:");
            WriteTree(model, output);
            return 0;
        }));
        return command;
    }

    private static Command Fk()
    {
        var (urdf, json, chainBase, chainTip) = Common();
        var q = Values("--q", "Joint positions in model order (rad or m).", required: true);
        var frame = FrameOption();
        var command = new Command("fk", "Pose of a frame in the root frame.") { urdf, q, frame, json, chainBase, chainTip };
        command.SetAction(parse => Run(parse, urdf, chainBase, chainTip, (model, output) =>
        {
            int f = ResolveFrame(model, parse.GetValue(frame));
            var data = new RobotData(model);
            ForwardKinematics.Compute(data, Require(model, parse.GetValue(q), "--q"));
            var pose = data.FramePose(f);
            if (parse.GetValue(json))
            {
                output.WriteLine(JsonSerializer.Serialize(ModelReport.Pose(model.Frames[f].Name, pose), JsonOptions));
                return 0;
            }

            output.WriteLine($"frame {model.Frames[f].Name}");
            output.WriteLine($"position  {pose.Translation.X,12:F6} {pose.Translation.Y,12:F6} {pose.Translation.Z,12:F6}");
            var r = pose.Rotation;
            output.WriteLine($"rotation  {r.M00,12:F6} {r.M01,12:F6} {r.M02,12:F6}");
            output.WriteLine($"          {r.M10,12:F6} {r.M11,12:F6} {r.M12,12:F6}");
            output.WriteLine($"          {r.M20,12:F6} {r.M21,12:F6} {r.M22,12:F6}");
            return 0;
        }));
        return command;
    }

    private static Command Jacobian()
    {
        var (urdf, json, chainBase, chainTip) = Common();
        var q = Values("--q", "Joint positions in model order (rad or m).", required: true);
        var frame = FrameOption();
        var command = new Command("jacobian", "Geometric Jacobian of a frame (rows: linear x, y, z, angular x, y, z; root frame).") { urdf, q, frame, json, chainBase, chainTip };
        command.SetAction(parse => Run(parse, urdf, chainBase, chainTip, (model, output) =>
        {
            int f = ResolveFrame(model, parse.GetValue(frame));
            var data = new RobotData(model);
            ForwardKinematics.Compute(data, Require(model, parse.GetValue(q), "--q"));
            var jacobian = new double[6 * model.DofCount];
            FrameJacobian.Compute(data, f, jacobian);
            if (parse.GetValue(json))
            {
                output.WriteLine(JsonSerializer.Serialize(ModelReport.Jacobian(model.Frames[f].Name, jacobian, model.DofCount), JsonOptions));
                return 0;
            }

            output.WriteLine($"frame {model.Frames[f].Name}");
            string[] rows = ["vx", "vy", "vz", "wx", "wy", "wz"];
            for (int r = 0; r < 6; r++)
            {
                output.WriteLine($"{rows[r]} " + string.Join(" ", jacobian.Skip(r * model.DofCount).Take(model.DofCount).Select(v => v.ToString("F6", CultureInfo.InvariantCulture).PadLeft(10))));
            }

            return 0;
        }));
        return command;
    }

    private static Command Id()
    {
        var (urdf, json, chainBase, chainTip) = Common();
        var q = Values("--q", "Joint positions in model order.", required: true);
        var qd = Values("--qd", "Joint velocities (default zeros).", required: false);
        var qdd = Values("--qdd", "Joint accelerations (default zeros).", required: false);
        var command = new Command("id", "Inverse dynamics τ(q, q̇, q̈) with gravity along −z at 9.81 m/s².") { urdf, q, qd, qdd, json, chainBase, chainTip };
        command.SetAction(parse => Run(parse, urdf, chainBase, chainTip, (model, output) =>
        {
            var data = new RobotData(model);
            var tau = new double[model.DofCount];
            double[] velocities = parse.GetValue(qd) is { Length: > 0 } v ? Require(model, v, "--qd") : new double[model.DofCount];
            double[] accelerations = parse.GetValue(qdd) is { Length: > 0 } a ? Require(model, a, "--qdd") : new double[model.DofCount];
            InverseDynamics.Compute(data, Require(model, parse.GetValue(q), "--q"), velocities, accelerations, tau);
            if (parse.GetValue(json))
            {
                output.WriteLine(JsonSerializer.Serialize(ModelReport.Torques(tau), JsonOptions));
                return 0;
            }

            for (int i = 0; i < tau.Length; i++)
            {
                output.WriteLine($"{model.Joints[i].Name,-32} {tau[i],14:F6}");
            }

            return 0;
        }));
        return command;
    }

    private static (Argument<FileInfo> Urdf, Option<bool> Json, Option<string?> Base, Option<string?> Tip) Common() =>
    (
        new Argument<FileInfo>("urdf") { Description = "The robot's URDF file." },
        new Option<bool>("--json") { Description = "Print JSON on standard output instead of text." },
        new Option<string?>("--base") { Description = "With --tip: model only the chain base → tip (an arm or a leg)." },
        new Option<string?>("--tip") { Description = "With --base: model only the chain base → tip." }
    );

    private static Option<double[]> Values(string name, string description, bool required) => new(name)
    {
        Description = description + " Space- or comma-separated.",
        Required = required,
        AllowMultipleArgumentsPerToken = true,
        CustomParser = result => result.Tokens
            .SelectMany(t => t.Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Select(s =>
            {
                if (double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) && double.IsFinite(v))
                {
                    return v;
                }

                result.AddError($"{name}: '{s}' is not a finite number");
                return 0;
            }).ToArray(),
    };

    private static Option<string?> FrameOption() => new("--frame") { Description = "Link name (default: the last link in model order)." };

    private static int Run(ParseResult parse, Argument<FileInfo> urdf, Option<string?> chainBase, Option<string?> chainTip, Func<RobotModel, TextWriter, int> body)
    {
        var error = parse.InvocationConfiguration.Error;
        var file = parse.GetValue(urdf)!;
        try
        {
            UrdfRobot robot = UrdfParser.ParseFile(file.FullName);
            string? b = parse.GetValue(chainBase), t = parse.GetValue(chainTip);
            if ((b is null) != (t is null))
            {
                throw new ArgumentException("--base and --tip go together: give both or neither");
            }

            RobotModel model = b is null ? RobotModel.FromUrdf(robot) : RobotModel.FromUrdfChain(robot, b, t!);
            return body(model, parse.InvocationConfiguration.Output);
        }
        catch (Exception e) when (e is UrdfException or ArgumentException or KeyNotFoundException or IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"robotctl model: {e.Message}");
            return RunCommand.UsageExitCode;
        }
    }

    private static double[] Require(RobotModel model, double[]? values, string name)
    {
        values ??= [];
        if (values.Length != model.DofCount)
        {
            throw new ArgumentException($"{name} has {values.Length} values; '{model.Name}' has {model.DofCount} joints: {string.Join(" ", model.Joints.Select(j => j.Name))}");
        }

        return values;
    }

    private static int ResolveFrame(RobotModel model, string? name) => name is null ? model.Frames.Count - 1 : model.FrameIndex(name);

    private static string Num(double v) => double.IsFinite(v) ? v.ToString("F3", CultureInfo.InvariantCulture) : "-";

    private static void WriteTree(RobotModel model, TextWriter output)
    {
        for (int f = 0; f < model.Frames.Count; f++)
        {
            int depth = 0;
            for (int p = model.Frames[f].ParentFrame; p >= 0; p = model.Frames[p].ParentFrame)
            {
                depth++;
            }

            ModelFrame frame = model.Frames[f];
            string joint = frame.Body >= 0 && model.Joints[frame.Body].ChildLink == frame.Name ? $"  ← {model.Joints[frame.Body].Name}" : "";
            string mass = frame.Body >= 0 ? $"{frame.LinkInertia.Mass:F3} kg" : "fixed to the root";
            output.WriteLine($"  {new string(' ', 2 * depth)}{frame.Name} ({mass}){joint}");
        }
    }
}
