namespace Controller.Runtime.Recording;

/// <summary>What an episode file says about itself before its first record.</summary>
/// <param name="FormatVersion">The format version (<see cref="EpisodeFormat.Version"/> when written by this code).</param>
/// <param name="RobotName">The configuration's robot name.</param>
/// <param name="ConfigText">The configuration file's text, whole.</param>
/// <param name="ConfigSha256">Lower-case hex SHA-256 of the configuration file's bytes.</param>
/// <param name="UrdfName">The URDF file's name.</param>
/// <param name="JointNames">The joints, in the model's order (the order of every per-joint array).</param>
/// <param name="Models">The brain's models, empty without a brain.</param>
/// <param name="StartUnixNs">Wall-clock start (UTC), nanoseconds since the Unix epoch.</param>
/// <param name="StartMonotonicNs">Monotonic clock at the start; record times count from here.</param>
/// <param name="LoopRateHz">The cerebellum loop's rate.</param>
/// <param name="StateRateHz">The rate the recorder sampled the state at.</param>
/// <param name="Task">The instruction at the start ("" without a brain).</param>
public sealed record EpisodeHeader(
    int FormatVersion,
    string RobotName,
    string ConfigText,
    string ConfigSha256,
    string UrdfName,
    IReadOnlyList<string> JointNames,
    IReadOnlyList<ModelFile> Models,
    long StartUnixNs,
    long StartMonotonicNs,
    double LoopRateHz,
    double StateRateHz,
    string Task)
{
    /// <summary>The <see cref="Mode"/> of a run whose motion came from the brain's policy (and of files written before the field).</summary>
    public const string PolicyMode = "policy";

    /// <summary>The <see cref="Mode"/> of a demonstration by hand guiding (<c>robotctl record --mode guide</c>).</summary>
    public const string GuideMode = "guide";

    /// <summary>Where the motion came from: <see cref="PolicyMode"/> or <see cref="GuideMode"/> (header key <c>mode</c>, optional).</summary>
    public string Mode { get; init; } = PolicyMode;

    /// <summary>The wall-clock start as a UTC date (clamped to what <see cref="DateTime"/> can hold: the field comes from a file).</summary>
    public DateTime StartUtc => DateTime.UnixEpoch.AddTicks(Math.Clamp(StartUnixNs / 100, -DateTime.UnixEpoch.Ticks, DateTime.MaxValue.Ticks - DateTime.UnixEpoch.Ticks));
}
