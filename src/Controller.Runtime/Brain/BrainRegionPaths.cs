using System.Text.RegularExpressions;

namespace Controller.Runtime.Brain;

/// <summary>
/// The files under <c>/dev/shm</c> that make up one out-of-process brain attachment: the joint state and commanded
/// mailboxes (loop → brain), the scene and instruction mailbox (runtime → brain), the chunk ring (brain → loop) and
/// the brain's status mailbox (brain → runtime).
/// The runtime creates them; <c>robotctl brain serve --attach NAME</c> opens them.
/// </summary>
public sealed partial record BrainRegionPaths
{
    /// <summary>The files for attachment <paramref name="name"/>.</summary>
    /// <exception cref="ArgumentException">The name is empty or holds other than letters, digits, '-', '_' or '.'.</exception>
    public BrainRegionPaths(string name, string directory = "/dev/shm")
    {
        if (string.IsNullOrEmpty(name) || name.Length > 64 || !SafeName().IsMatch(name))
            throw new ArgumentException($"brain attach name '{name}' must be 1..64 characters of letters, digits, '-', '_' or '.'", nameof(name));
        Name = name;
        string prefix = Path.Combine(directory, $"robotctl-brain-{name}");
        State = prefix + ".state";
        Command = prefix + ".command";
        Scene = prefix + ".scene";
        Chunks = prefix + ".chunks";
        Status = prefix + ".status";
    }

    /// <summary>The attach name.</summary>
    public string Name { get; }

    /// <summary>The measured joint state mailbox (<c>LatestValue&lt;JointState&gt;</c>).</summary>
    public string State { get; }

    /// <summary>The command the loop last wrote (<c>LatestValue&lt;JointCommand&gt;</c>).</summary>
    public string Command { get; }

    /// <summary>The scene boxes and instruction (<c>LatestValue&lt;SharedBrainScene&gt;</c>).</summary>
    public string Scene { get; }

    /// <summary>The action chunk ring (<c>SpscRing&lt;ActionChunk&gt;</c>); its producer end's heartbeat is the brain's.</summary>
    public string Chunks { get; }

    /// <summary>The brain's skill, outcome and counters (<c>LatestValue&lt;SharedBrainStatus&gt;</c>, brain → runtime).</summary>
    public string Status { get; }

    [GeneratedRegex("^[A-Za-z0-9._-]+$")]
    private static partial Regex SafeName();
}
