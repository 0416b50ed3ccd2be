using System.Security.Cryptography;
using Controller.Runtime.Configuration;

namespace Controller.Runtime.Recording;

/// <summary>Builds the episode header from a robot's configuration and model (how <see cref="RobotRuntime"/> sets up its recorder).</summary>
public static class RuntimeRecording
{
    /// <summary>The header for a run of <paramref name="config"/>.</summary>
    /// <param name="config">The robot's configuration (its file is read whole into the header).</param>
    /// <param name="jointNames">The model's joints, in order.</param>
    /// <param name="withBrain">Whether the brain runs (its model manifests are listed and hashed).</param>
    /// <param name="task">The instruction at the start.</param>
    /// <param name="stateRateHz">The recorder's sampling rate.</param>
    /// <param name="startMonotonicNs">The monotonic start time.</param>
    public static EpisodeHeader Header(RobotConfig config, IReadOnlyList<string> jointNames, bool withBrain, string task, double stateRateHz, long startMonotonicNs)
    {
        string configText = File.Exists(config.File) ? File.ReadAllText(config.File) : "";
        var models = new List<ModelFile>();
        if (withBrain && config.Brain is { } brain)
        {
            if (brain.Planner is { } planner)
            {
                models.Add(Model("planner", config.Resolve(planner)));
            }

            if (brain.Policy is { } policy)
            {
                models.Add(Model("policy", config.Resolve(policy)));
            }
        }

        return new EpisodeHeader(EpisodeFormat.Version, config.Name, configText, Sha256Of(config.File), Path.GetFileName(config.UrdfPath), jointNames.ToArray(), models,
            (DateTime.UtcNow - DateTime.UnixEpoch).Ticks * 100, startMonotonicNs, config.Loop.RateHz, stateRateHz, task);
    }

    /// <summary>Lower-case hex SHA-256 of a file, or "" when it cannot be read.</summary>
    public static string Sha256Of(string path)
    {
        try
        {
            using FileStream stream = File.OpenRead(path);
            return Convert.ToHexStringLower(SHA256.HashData(stream));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return "";
        }
    }

    private static ModelFile Model(string role, string path) => new(role, path, Sha256Of(path));
}
