namespace Controller.Runtime.Configuration;

/// <summary>A validated <c>hardware/&lt;robot&gt;/robot.yaml</c>: everything the runtime needs to bring a robot up.</summary>
/// <param name="Name">Robot name.</param>
/// <param name="File">Full path of the configuration file.</param>
/// <param name="UrdfPath">Full path of the robot's URDF.</param>
/// <param name="Loop">Loop settings.</param>
/// <param name="Plant">The simulated plant, or null for real hardware.</param>
/// <param name="Buses">Buses and actuators.</param>
/// <param name="Sensors">Force/torque sensors.</param>
/// <param name="Limits">Per-joint limit overrides.</param>
/// <param name="Safety">Safety settings.</param>
/// <param name="Brain">Brain models, or null.</param>
/// <param name="Recording">Recording settings.</param>
public sealed record RobotConfig(
    string Name,
    string File,
    string UrdfPath,
    LoopConfig Loop,
    PlantConfig? Plant,
    IReadOnlyList<BusConfig> Buses,
    IReadOnlyList<SensorConfig> Sensors,
    IReadOnlyDictionary<string, LimitOverride> Limits,
    SafetyConfig Safety,
    BrainConfig? Brain,
    RecordingConfig Recording)
{
    /// <summary>The controllers it may run and the one it starts with (<c>controllers:</c>).</summary>
    public ControllersConfig Controllers { get; init; } = ControllersConfig.FollowerOnly;

    /// <summary>Cameras (<c>cameras:</c>); empty when none is configured (the brain then uses the simulated scene camera).</summary>
    public IReadOnlyList<CameraConfig> Cameras { get; init; } = [];

    /// <summary>The folder of the configuration file (relative paths start here).</summary>
    public string Directory => Path.GetDirectoryName(File)!;

    /// <summary>True when the plant and twins are simulated.</summary>
    public bool IsSimulated => Plant is not null;

    /// <summary>Resolves a path given in the file relative to its folder.</summary>
    public string Resolve(string path) => Path.GetFullPath(Path.Combine(Directory, path));
}
