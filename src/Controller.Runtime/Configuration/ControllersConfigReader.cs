using Controller.Hardware.Devices;
using Controller.Robotics.Model;
using Controller.Robotics.Urdf;
using YamlDotNet.RepresentationModel;

namespace Controller.Runtime.Configuration;

/// <summary>
/// Reads and checks <c>controllers:</c>: every value in range, per-joint maps naming every joint, the admittance frame
/// in the URDF, and each controller that is chosen or configured against what the hardware can do: torque-writing
/// controllers (pd, impedance, gravity compensation) only on buses whose actuators take torque (or MIT-style impedance),
/// admittance only with a wrist force/torque sensor. Problems go to the reader with their path, value and what is allowed.
/// </summary>
internal static class ControllersConfigReader
{
    private const string At = "controllers";
    private const double DefaultStiffness = 30, DefaultDamping = 1.5;

    private static readonly Dictionary<string, ControllerKind> Kinds = new()
    {
        ["follower"] = ControllerKind.Follower, ["hold"] = ControllerKind.Hold, ["pd"] = ControllerKind.Pd,
        ["impedance"] = ControllerKind.Impedance, ["admittance"] = ControllerKind.Admittance,
    };

    /// <summary>The section under <paramref name="root"/>, or <see cref="ControllersConfig.FollowerOnly"/> (with model-sized gains) when absent.</summary>
    public static ControllersConfig Read(YamlConfigReader r, YamlMappingNode root, string urdfPath, IReadOnlyList<BusConfig> buses, IReadOnlyList<SensorConfig> sensors)
    {
        RobotModel? model = TryLoad(urdfPath);
        YamlMappingNode? m = r.Mapping(root, "", At, required: false);
        string sensorLink = sensors.Count > 0 ? sensors[0].Link : "";
        string defaultFrame = model?.HasFrame("tool_tip") == true ? "tool_tip" : sensorLink;
        if (m is null)
        {
            return ControllersConfig.FollowerOnly with
            {
                Pd = Uniform(model, DefaultStiffness, DefaultDamping),
                Impedance = Uniform(model, DefaultStiffness, DefaultDamping),
                Admittance = sensors.Count > 0 ? new AdmittanceConfig(3, 40, 0, defaultFrame, 0.15) : null,
            };
        }

        r.RejectUnknownKeys(m, At, "default", "gravity_compensation", "pd", "impedance", "admittance");
        ControllerKind kind = r.Choice(m, At, "default", ControllerKind.Follower, Kinds);
        bool gravity = r.Bool(m, At, "gravity_compensation", false);
        JointGainsConfig pd = ReadGains(r, r.Mapping(m, At, "pd", required: false), $"{At}.pd", "kp", "kd", model);
        JointGainsConfig impedance = ReadGains(r, r.Mapping(m, At, "impedance", required: false), $"{At}.impedance", "stiffness", "damping", model);
        YamlMappingNode? admittanceNode = r.Mapping(m, At, "admittance", required: false);
        AdmittanceConfig? admittance = ReadAdmittance(r, admittanceNode, defaultFrame, model);

        YamlNode? chosen = r.Child(m, "default");
        if (kind == ControllerKind.Pd || r.Child(m, "pd") is not null)
        {
            RequireModes(r, kind == ControllerKind.Pd ? chosen : r.Child(m, "pd"), kind == ControllerKind.Pd ? $"{At}.default" : $"{At}.pd",
                "pd writes joint torques", buses, ActuatorModes.Torque);
        }

        if (kind == ControllerKind.Impedance || r.Child(m, "impedance") is not null)
        {
            RequireModes(r, kind == ControllerKind.Impedance ? chosen : r.Child(m, "impedance"), kind == ControllerKind.Impedance ? $"{At}.default" : $"{At}.impedance",
                "impedance writes joint torques or MIT-style impedance", buses, ActuatorModes.Torque | ActuatorModes.Impedance);
        }

        if (gravity)
        {
            RequireModes(r, r.Child(m, "gravity_compensation"), $"{At}.gravity_compensation", "gravity compensation adds a torque", buses,
                ActuatorModes.Torque | ActuatorModes.Impedance);
        }

        if (kind == ControllerKind.Admittance || admittanceNode is not null)
        {
            string path = kind == ControllerKind.Admittance ? $"{At}.default" : $"{At}.admittance";
            YamlNode? node = kind == ControllerKind.Admittance ? chosen : admittanceNode;
            if (sensors.Count == 0)
            {
                r.Error(node, path, "admittance needs a wrist force/torque sensor; the configuration lists none (sensors: [{ name, type: ft300|netft, port, link }])");
            }

            RequireModes(r, node, path, "admittance writes positions (or, on torque actuators, an impedance around them)", buses,
                ActuatorModes.Position | ActuatorModes.Torque | ActuatorModes.Impedance);
        }

        return new ControllersConfig(kind, gravity, pd, impedance, sensors.Count > 0 ? admittance : null);
    }

    /// <summary>What the actuators of <paramref name="bus"/> will take, as its driver declares it once built.</summary>
    public static ActuatorModes ModesOf(BusConfig bus) => bus.Type switch
    {
        "mit-can" => ActuatorModes.Position | ActuatorModes.Velocity | ActuatorModes.Torque | ActuatorModes.Impedance,
        "cia402-can" or "cia402-ethercat" => ActuatorModes.Position | ActuatorModes.Velocity | ActuatorModes.Torque,
        _ => bus.OperatingMode switch
        {
            "current" => ActuatorModes.Torque,
            "velocity" => ActuatorModes.Velocity,
            _ => ActuatorModes.Position,
        },
    };

    private static void RequireModes(YamlConfigReader r, YamlNode? node, string path, string why, IReadOnlyList<BusConfig> buses, ActuatorModes anyOf)
    {
        foreach (BusConfig bus in buses.Where(b => (ModesOf(b) & anyOf) == 0))
        {
            r.Error(node, path, $"{why}, but bus '{bus.Name}' ({bus.Type}, operating_mode {bus.OperatingMode}) takes only {ModesOf(bus)}; "
                + $"allowed: buses whose actuators take {anyOf.ToString().Replace(", ", " or ")} (dynamixel operating_mode current, cia402-can, cia402-ethercat, mit-can)");
        }
    }

    private static JointGainsConfig ReadGains(YamlConfigReader r, YamlMappingNode? m, string at, string stiffnessKey, string dampingKey, RobotModel? model)
    {
        if (m is null)
        {
            return Uniform(model, DefaultStiffness, DefaultDamping);
        }

        r.RejectUnknownKeys(m, at, stiffnessKey, dampingKey);
        return new JointGainsConfig(
            PerJoint(r, m, at, stiffnessKey, DefaultStiffness, 10_000, model),
            PerJoint(r, m, at, dampingKey, DefaultDamping, 1_000, model));
    }

    /// <summary>One number for every joint, or a map naming every joint of the model.</summary>
    private static double[] PerJoint(YamlConfigReader r, YamlMappingNode m, string at, string key, double fallback, double max, RobotModel? model)
    {
        int n = model?.DofCount ?? 0;
        YamlNode? node = r.Child(m, key);
        string path = $"{at}.{key}";
        if (node is not YamlMappingNode map)
        {
            double value = node is null ? fallback : r.ParseDouble(node, path, 0, max) ?? fallback;
            return Enumerable.Repeat(value, n).ToArray();
        }

        var values = Enumerable.Repeat(fallback, n).ToArray();
        var named = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (jointNode, valueNode) in map.Children)
        {
            string joint = (jointNode as YamlScalarNode)?.Value ?? "?";
            double? value = r.ParseDouble(valueNode, $"{path}.{joint}", 0, max);
            if (model is null)
            {
                continue;
            }

            if (!model.Joints.Any(j => j.Name == joint))
            {
                r.Error(jointNode, $"{path}.{joint}", $"'{joint}' is not a movable joint of the URDF; joints: {string.Join(", ", model.Joints.Select(j => j.Name))}");
                continue;
            }

            named.Add(joint);
            values[model.JointIndex(joint)] = value ?? fallback;
        }

        var missing = model?.Joints.Select(j => j.Name).Where(j => !named.Contains(j)).ToList() ?? [];
        if (missing.Count > 0)
        {
            r.Error(node, path, $"a per-joint map must name every joint; missing: {string.Join(", ", missing)} (or give one number for all)");
        }

        return values;
    }

    private static AdmittanceConfig ReadAdmittance(YamlConfigReader r, YamlMappingNode? m, string defaultFrame, RobotModel? model)
    {
        const string at = At + ".admittance";
        if (m is null)
        {
            return new AdmittanceConfig(3, 40, 0, defaultFrame, 0.15);
        }

        r.RejectUnknownKeys(m, at, "mass", "damping", "stiffness", "frame", "max_speed");
        string frame = r.String(m, at, "frame", required: false) ?? defaultFrame;
        if (model is not null && frame.Length > 0 && !model.HasFrame(frame))
        {
            r.Error(r.Child(m, "frame"), $"{at}.frame", $"'{frame}' is not a link or frame of the URDF; frames: {string.Join(", ", model.Frames.Select(f => f.Name))}");
        }

        return new AdmittanceConfig(
            r.Double(m, at, "mass", 3, 0.01, 1000),
            r.Double(m, at, "damping", 40, 0.1, 100_000),
            r.Double(m, at, "stiffness", 0, 0, 100_000),
            frame,
            r.Double(m, at, "max_speed", 0.15, 0.001, 2));
    }

    private static JointGainsConfig Uniform(RobotModel? model, double stiffness, double damping) =>
        new(Enumerable.Repeat(stiffness, model?.DofCount ?? 0).ToArray(), Enumerable.Repeat(damping, model?.DofCount ?? 0).ToArray());

    private static RobotModel? TryLoad(string urdfPath)
    {
        try
        {
            return urdfPath.Length == 0 ? null : RobotModel.FromUrdf(UrdfParser.ParseFile(urdfPath));
        }
        catch (Exception e) when (e is UrdfException or IOException or UnauthorizedAccessException or ArgumentException)
        {
            return null; // the loader reports the URDF itself
        }
    }
}
