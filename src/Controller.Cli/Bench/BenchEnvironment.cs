using System.Text.Json.Serialization;

namespace Controller.Cli.Bench;

/// <summary>The machine and runtime a report's figures come from.</summary>
public sealed class BenchEnvironment
{
    /// <summary>Logical CPUs visible to the process.</summary>
    [JsonPropertyName("cpu_count")] public int CpuCount { get; init; }

    /// <summary>CPU model name (from /proc/cpuinfo where available).</summary>
    [JsonPropertyName("cpu_model")] public string? CpuModel { get; init; }

    /// <summary>Operating system description.</summary>
    [JsonPropertyName("os")] public required string Os { get; init; }

    /// <summary>Kernel version string (/proc/version), which names the preemption model (PREEMPT_RT, PREEMPT_DYNAMIC).</summary>
    [JsonPropertyName("kernel")] public string? Kernel { get; init; }

    /// <summary>.NET runtime version.</summary>
    [JsonPropertyName("dotnet")] public required string DotNet { get; init; }

    /// <summary>Whether the two sides were pinned to separate CPUs.</summary>
    [JsonPropertyName("pinned")] public bool Pinned { get; init; }

    /// <summary>Reads the environment of this process.</summary>
    public static BenchEnvironment Capture(bool pinned) => new()
    {
        CpuCount = System.Environment.ProcessorCount,
        CpuModel = ReadFirst("/proc/cpuinfo", "model name"),
        Os = System.Runtime.InteropServices.RuntimeInformation.OSDescription,
        Kernel = File.Exists("/proc/version") ? File.ReadAllText("/proc/version").Trim() : null,
        DotNet = System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription,
        Pinned = pinned,
    };

    private static string? ReadFirst(string path, string key)
    {
        if (!File.Exists(path)) return null;
        var line = File.ReadLines(path).FirstOrDefault(l => l.StartsWith(key, StringComparison.Ordinal));
        return line?[(line.IndexOf(':') + 1)..].Trim();
    }
}
