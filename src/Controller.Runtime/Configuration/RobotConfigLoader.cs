using Controller.Hardware.Devices.Feetech;
using Controller.Hardware.Protocols.Dynamixel;
using Controller.Robotics.Model;
using Controller.Robotics.Urdf;
using YamlDotNet.RepresentationModel;

namespace Controller.Runtime.Configuration;

/// <summary>
/// Reads and validates a robot configuration: the YAML's shape, every value's range, and its agreement with the
/// robot's URDF (joints exist, buses tile the joint order, ids unique). Every problem is collected and reported
/// together in one <see cref="ConfigException"/> before anything is built.
/// </summary>
public static class RobotConfigLoader
{
    private static readonly Dictionary<string, string> BusTypes = new()
    {
        ["dynamixel"] = "dynamixel", ["feetech"] = "feetech", ["cia402-can"] = "cia402-can", ["mit-can"] = "mit-can", ["cia402-ethercat"] = "cia402-ethercat",
    };
    private static readonly string[] FeetechModels = ["STS3215"];
    private static readonly string[] FeetechModes = ["position", "velocity"];
    private static readonly Dictionary<string, string> SensorTypes = new() { ["ft300"] = "ft300", ["netft"] = "netft" };
    private static readonly Dictionary<string, string> Integrators = new() { ["rk4"] = "rk4", ["euler"] = "euler" };
    private static readonly Dictionary<string, string> OperatingModes = new()
    {
        ["position"] = "position", ["extended_position"] = "extended_position", ["current_position"] = "current_position",
        ["velocity"] = "velocity", ["current"] = "current",
    };

    /// <summary>Loads <paramref name="path"/>.</summary>
    /// <exception cref="ConfigException">Anything is wrong; lists every problem.</exception>
    public static RobotConfig Load(string path)
    {
        string file = Path.GetFullPath(path);
        string text;
        try
        {
            text = File.ReadAllText(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ConfigException(path, [new ConfigError(path, 0, "(file)", $"cannot be read: {e.Message}")]);
        }

        return Parse(text, file);
    }

    /// <summary>Validates configuration text as if read from <paramref name="file"/> (relative paths resolve from its folder).</summary>
    /// <exception cref="ConfigException">Anything is wrong; lists every problem.</exception>
    public static RobotConfig Parse(string text, string file)
    {
        var r = new YamlConfigReader(file);
        YamlMappingNode? root = r.Parse(text);
        if (root is null)
        {
            throw new ConfigException(file, r.Errors);
        }

        r.RejectUnknownKeys(root, "", "robot", "urdf", "loop", "plant", "buses", "sensors", "limits", "safety", "brain", "recording", "controllers", "cameras");
        string name = r.String(root, "", "robot", required: true) ?? "?";
        string? urdf = r.String(root, "", "urdf", required: true);
        string directory = Path.GetDirectoryName(file) ?? ".";
        LoopConfig loop = ReadLoop(r, r.Mapping(root, "", "loop", required: false));
        PlantConfig? plant = r.Mapping(root, "", "plant", required: false) is { } p ? ReadPlant(r, p) : null;
        var buses = r.MappingList(root, "", "buses", required: true).Select(b => ReadBus(r, b.Node, b.Path, Path.GetDirectoryName(file) ?? ".")).ToList();
        BusLoadCheck.Check(r, root, buses, loop);
        var sensors = r.MappingList(root, "", "sensors", required: false).Select(s => ReadSensor(r, s.Node, s.Path)).ToList();
        if (sensors.Count > 1)
        {
            r.Error(r.Child(root, "sensors"), "sensors", $"{sensors.Count} sensors are listed; the runtime reads one wrist force/torque sensor");
        }

        PacingRules.Check(r, root, r.Mapping(root, "", "loop", required: false), loop, buses);
        var limits = ReadLimits(r, r.Mapping(root, "", "limits", required: false));
        SafetyConfig safety = ReadSafety(r, r.Mapping(root, "", "safety", required: false));
        BrainConfig? brain = r.Mapping(root, "", "brain", required: false) is { } b ? ReadBrain(r, b, directory) : null;
        RecordingConfig recording = ReadRecording(r, r.Mapping(root, "", "recording", required: false));
        IReadOnlyList<CameraConfig> cameras = CameraRules.Read(r, root, directory);

        string urdfPath = urdf is null ? "" : Path.GetFullPath(Path.Combine(directory, urdf));
        if (urdf is not null)
        {
            CheckAgainstModel(r, root, urdfPath, plant, buses, sensors, limits);
        }

        ControllersConfig controllers = ControllersConfigReader.Read(r, root, urdfPath, buses, sensors);
        if (r.Errors.Count > 0)
        {
            throw new ConfigException(file, r.Errors);
        }

        return new RobotConfig(name, file, urdfPath, loop, plant, buses, sensors, limits, safety, brain, recording) { Controllers = controllers, Cameras = cameras };
    }

    private static LoopConfig ReadLoop(YamlConfigReader r, YamlMappingNode? m)
    {
        if (m is null)
        {
            return new LoopConfig(1000, 80, -1, 50);
        }

        r.RejectUnknownKeys(m, "loop", "rate_hz", "priority", "cpu", "spin_us", "pacing", "pacing_bus");
        var (pacing, pacingBus) = PacingRules.Read(r, m);
        return new LoopConfig(
            r.Double(m, "loop", "rate_hz", 1000, 250, 4000),
            r.Int(m, "loop", "priority", 80, 1, 99),
            r.Int(m, "loop", "cpu", -1, -1, 1023),
            r.Int(m, "loop", "spin_us", 50, 0, 1000),
            pacing,
            pacingBus);
    }

    private static PlantConfig ReadPlant(YamlConfigReader r, YamlMappingNode m)
    {
        const string at = "plant";
        r.RejectUnknownKeys(m, at, "rate_hz", "integrator", "table_height_m", "boxes", "contact_spheres", "initial_positions", "armature_kgm2");
        var boxes = r.MappingList(m, at, "boxes", required: false).Select(b =>
        {
            r.RejectUnknownKeys(b.Node, b.Path, "name", "min", "max", "movable");
            double[] min = r.Vector3(b.Node, b.Path, "min", required: true) ?? [0, 0, 0];
            double[] max = r.Vector3(b.Node, b.Path, "max", required: true) ?? [1, 1, 1];
            if (min.Zip(max).Any(p => p.First >= p.Second))
            {
                r.Error(b.Node, b.Path, $"min [{string.Join(", ", min)}] must be below max [{string.Join(", ", max)}] on every axis");
            }

            return new BoxConfig(r.String(b.Node, b.Path, "name", required: true) ?? "?", min, max, r.Bool(b.Node, b.Path, "movable", false));
        }).ToList();
        var spheres = r.MappingList(m, at, "contact_spheres", required: false).Select(s =>
        {
            r.RejectUnknownKeys(s.Node, s.Path, "link", "center", "radius_m");
            return new ContactSphereConfig(
                r.String(s.Node, s.Path, "link", required: true) ?? "?",
                r.Vector3(s.Node, s.Path, "center", required: false) ?? [0, 0, 0],
                r.Double(s.Node, s.Path, "radius_m", 0.01, 0, 1));
        }).ToList();
        var initial = new Dictionary<string, double>(StringComparer.Ordinal);
        if (r.Mapping(m, at, "initial_positions", required: false) is { } positions)
        {
            foreach (var (key, value) in positions.Children)
            {
                string joint = (key as YamlScalarNode)?.Value ?? "?";
                if (r.ParseDouble(value, $"{at}.initial_positions.{joint}", -1e3, 1e3) is double v)
                {
                    initial[joint] = v;
                }
            }
        }

        double? table = r.Child(m, "table_height_m") is { } t ? r.ParseDouble(t, $"{at}.table_height_m", -10, 10) : null;
        return new PlantConfig(
            r.Double(m, at, "rate_hz", 1000, 100, 10_000),
            r.Choice(m, at, "integrator", "rk4", Integrators),
            table,
            boxes,
            spheres,
            initial,
            r.Double(m, at, "armature_kgm2", 0, 0, 100));
    }

    private static BusConfig ReadBus(YamlConfigReader r, YamlMappingNode m, string at, string directory)
    {
        string type = r.Choice(m, at, "type", "dynamixel", BusTypes, required: true);
        if (FieldBusRules.Handles(type))
        {
            return FieldBusRules.Read(r, m, at, type);
        }

        r.RejectUnknownKeys(m, at, "name", "type", "port", "baud", "operating_mode", "reply_timeout_ms", "servos", "calibration");
        var servos = r.MappingList(m, at, "servos", required: true).Select(s =>
        {
            r.RejectUnknownKeys(s.Node, s.Path, "id", "model", "joint", "gear_ratio", "offset_rad", "direction");
            string model = r.String(s.Node, s.Path, "model", required: true) ?? "?";
            if (type == "dynamixel" && model != "?" && DynamixelModels.All.All(x => x.Name != model))
            {
                r.Error(r.Child(s.Node, "model"), $"{s.Path}.model", $"'{model}' is not a known Dynamixel model; known: {string.Join(", ", DynamixelModels.All.Select(x => x.Name))}");
            }

            if (type == "feetech" && model != "?" && !FeetechModels.Contains(model))
            {
                r.Error(r.Child(s.Node, "model"), $"{s.Path}.model", $"'{model}' is not a supported Feetech model; supported: {string.Join(", ", FeetechModels)}");
            }

            int direction = r.Int(s.Node, s.Path, "direction", 1, -1, 1);
            if (direction == 0)
            {
                r.Error(r.Child(s.Node, "direction"), $"{s.Path}.direction", "0 is not allowed; use 1 or -1");
            }

            double gear = r.Double(s.Node, s.Path, "gear_ratio", 1, -1000, 1000);
            if (gear == 0)
            {
                r.Error(r.Child(s.Node, "gear_ratio"), $"{s.Path}.gear_ratio", "0 is not allowed; a non-zero ratio of motor turns per joint turn");
            }

            return new ServoConfig(
                r.Int(s.Node, s.Path, "id", 0, 0, 252, required: true),
                model,
                r.String(s.Node, s.Path, "joint", required: true) ?? "?",
                gear,
                r.Double(s.Node, s.Path, "offset_rad", 0, -100, 100),
                direction);
        }).ToList();
        foreach (var duplicate in servos.GroupBy(s => s.Id).Where(g => g.Count() > 1))
        {
            r.Error(m, $"{at}.servos", $"id {duplicate.Key} is used {duplicate.Count()} times; ids on one bus must differ");
        }

        int baud = r.Int(m, at, "baud", 1_000_000, 9600, 4_500_000);
        string mode = r.Choice(m, at, "operating_mode", "position", OperatingModes);
        string? calibration = r.String(m, at, "calibration", required: false);
        string? calibrationPath = calibration is null ? null : Path.GetFullPath(Path.Combine(directory, calibration));
        if (type == "feetech")
        {
            FeetechBusRules.Check(r, m, at, baud, mode, FeetechModes, calibrationPath, servos);
        }
        else if (calibration is not null)
        {
            r.Error(r.Child(m, "calibration"), $"{at}.calibration", "only Feetech buses take a LeRobot calibration file");
        }

        return new BusConfig(
            r.String(m, at, "name", required: true) ?? "?",
            type,
            r.String(m, at, "port", required: true) ?? "?",
            baud,
            mode,
            r.Double(m, at, "reply_timeout_ms", 5, 0.1, 1000),
            servos,
            calibrationPath);
    }

    private static SensorConfig ReadSensor(YamlConfigReader r, YamlMappingNode m, string at)
    {
        r.RejectUnknownKeys(m, at, "name", "type", "port", "link");
        return new SensorConfig(
            r.String(m, at, "name", required: true) ?? "?",
            r.Choice(m, at, "type", "ft300", SensorTypes, required: true),
            r.String(m, at, "port", required: true) ?? "?",
            r.String(m, at, "link", required: true) ?? "?");
    }

    private static Dictionary<string, LimitOverride> ReadLimits(YamlConfigReader r, YamlMappingNode? m)
    {
        var limits = new Dictionary<string, LimitOverride>(StringComparer.Ordinal);
        if (m is null)
        {
            return limits;
        }

        foreach (var (key, value) in m.Children)
        {
            string joint = (key as YamlScalarNode)?.Value ?? "?";
            string at = $"limits.{joint}";
            if (value is not YamlMappingNode l)
            {
                r.Error(value, at, "expected a mapping of lower, upper, velocity, acceleration, effort");
                continue;
            }

            r.RejectUnknownKeys(l, at, "lower", "upper", "velocity", "acceleration", "effort");
            double? Get(string k, double min, double max) => r.Child(l, k) is { } n ? r.ParseDouble(n, $"{at}.{k}", min, max) : null;
            limits[joint] = new LimitOverride(Get("lower", -1e3, 1e3), Get("upper", -1e3, 1e3), Get("velocity", 1e-6, 1e3), Get("acceleration", 1e-6, 1e5), Get("effort", 1e-6, 1e5));
        }

        return limits;
    }

    private static SafetyConfig ReadSafety(YamlConfigReader r, YamlMappingNode? m)
    {
        if (m is null)
        {
            return new SafetyConfig(200, 3, 60, 8, 10);
        }

        r.RejectUnknownKeys(m, "safety", "brain_timeout_ms", "stale_sensor_cycles", "collision_force_n", "collision_torque_nm", "default_acceleration", "estop");
        return new SafetyConfig(
            r.Double(m, "safety", "brain_timeout_ms", 200, 1, 60_000),
            r.Int(m, "safety", "stale_sensor_cycles", 3, 1, 1000),
            r.Double(m, "safety", "collision_force_n", 60, 0.1, 10_000),
            r.Double(m, "safety", "collision_torque_nm", 8, 0.01, 1000),
            r.Double(m, "safety", "default_acceleration", 10, 0.01, 1e4),
            EmergencyStopRules.Read(r, m));
    }

    private static BrainConfig ReadBrain(YamlConfigReader r, YamlMappingNode m, string directory)
    {
        r.RejectUnknownKeys(m, "brain", "policy", "planner", "task");
        string? Manifest(string key)
        {
            string? path = r.String(m, "brain", key, required: false);
            if (path is not null && !File.Exists(Path.Combine(directory, path)))
            {
                r.Error(r.Child(m, key), $"brain.{key}", $"manifest '{path}' does not exist (relative to {directory})");
            }

            return path;
        }

        return new BrainConfig(Manifest("policy"), Manifest("planner"), r.String(m, "brain", "task", required: false));
    }

    private static RecordingConfig ReadRecording(YamlConfigReader r, YamlMappingNode? m)
    {
        if (m is null)
        {
            return new RecordingConfig(false, "recordings");
        }

        r.RejectUnknownKeys(m, "recording", "enabled", "directory");
        return new RecordingConfig(r.Bool(m, "recording", "enabled", false), r.String(m, "recording", "directory", required: false) ?? "recordings");
    }

    private static void CheckAgainstModel(
        YamlConfigReader r, YamlMappingNode root, string urdfPath, PlantConfig? plant,
        List<BusConfig> buses, List<SensorConfig> sensors, Dictionary<string, LimitOverride> limits)
    {
        RobotModel model;
        try
        {
            model = RobotModel.FromUrdf(UrdfParser.ParseFile(urdfPath));
        }
        catch (Exception e) when (e is UrdfException or IOException or UnauthorizedAccessException or ArgumentException)
        {
            r.Error(r.Child(root, "urdf"), "urdf", $"'{urdfPath}' cannot be used: {e.Message}");
            return;
        }

        string known = string.Join(", ", model.Joints.Select(j => j.Name));
        var owner = new Dictionary<string, string>(StringComparer.Ordinal);
        for (int b = 0; b < buses.Count; b++)
        {
            int previous = -1;
            for (int s = 0; s < buses[b].Servos.Count; s++)
            {
                ServoConfig servo = buses[b].Servos[s];
                string at = $"buses[{b}].servos[{s}].joint";
                if (!model.Joints.Any(j => j.Name == servo.Joint))
                {
                    r.Error(root, at, $"'{servo.Joint}' is not a movable joint of the URDF; joints: {known}");
                    continue;
                }

                if (!owner.TryAdd(servo.Joint, buses[b].Name))
                {
                    r.Error(root, at, $"'{servo.Joint}' is already driven by bus '{owner[servo.Joint]}'");
                }

                int index = model.JointIndex(servo.Joint);
                if (previous >= 0 && index != previous + 1)
                {
                    r.Error(root, at, $"'{servo.Joint}' (joint {index}) must follow joint {previous} ('{model.Joints[previous].Name}'): a bus serves consecutive joints in the model's order ({known})");
                }

                previous = index;
            }
        }

        var undriven = model.Joints.Where(j => !owner.ContainsKey(j.Name)).Select(j => j.Name).ToList();
        if (undriven.Count > 0)
        {
            r.Error(root, "buses", $"joints without an actuator: {string.Join(", ", undriven)}; every movable joint needs one");
        }

        for (int i = 0; i < sensors.Count; i++)
        {
            if (!model.HasFrame(sensors[i].Link))
            {
                r.Error(root, $"sensors[{i}].link", $"'{sensors[i].Link}' is not a link of the URDF");
            }
        }

        foreach (string joint in limits.Keys.Where(j => !model.Joints.Any(m => m.Name == j)))
        {
            r.Error(root, $"limits.{joint}", $"'{joint}' is not a movable joint of the URDF; joints: {known}");
        }

        if (plant is not null)
        {
            foreach (var (sphere, i) in plant.ContactSpheres.Select((s, i) => (s, i)).Where(p => !model.HasFrame(p.s.Link)))
            {
                r.Error(root, $"plant.contact_spheres[{i}].link", $"'{sphere.Link}' is not a link of the URDF");
            }

            foreach (string joint in plant.InitialPositions.Keys.Where(j => !model.Joints.Any(m => m.Name == j)))
            {
                r.Error(root, $"plant.initial_positions.{joint}", $"'{joint}' is not a movable joint of the URDF");
            }
        }
    }
}
