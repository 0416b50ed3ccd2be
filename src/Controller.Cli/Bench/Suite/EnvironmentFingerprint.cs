using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text.Json.Serialization;
using Controller.Cerebellum.Realtime;

namespace Controller.Cli.Bench.Suite;

/// <summary>
/// The machine, kernel, runtimes and configuration a report's figures come from: two reports are comparable
/// only when these match (the Markdown report says which differ from the baseline's).
/// </summary>
public sealed record EnvironmentFingerprint
{
    /// <summary>CPU model name (<c>/proc/cpuinfo</c>).</summary>
    [JsonPropertyName("cpu_model")] public string? CpuModel { get; init; }

    /// <summary>Logical CPUs visible to the process.</summary>
    [JsonPropertyName("cpu_count")] public int CpuCount { get; init; }

    /// <summary>Kernel release (<c>uname -r</c>).</summary>
    [JsonPropertyName("kernel")] public string? Kernel { get; init; }

    /// <summary>Preemption model of the running kernel (<c>PreemptRt</c>, <c>PreemptDynamic</c>, ...), with the dynamic mode when known.</summary>
    [JsonPropertyName("preemption")] public string? Preemption { get; init; }

    /// <summary>Operating system description.</summary>
    [JsonPropertyName("os")] public string? Os { get; init; }

    /// <summary>.NET runtime version.</summary>
    [JsonPropertyName("dotnet")] public required string DotNet { get; init; }

    /// <summary>ONNX Runtime version (the native library's own version string).</summary>
    [JsonPropertyName("onnxruntime")] public string? OnnxRuntime { get; init; }

    /// <summary>The real-time settings the configuration's loop asks for, tried on a throwaway thread: granted or refused, each.</summary>
    [JsonPropertyName("realtime")] public IReadOnlyList<string> Realtime { get; init; } = [];

    /// <summary>CPUs isolated from the scheduler (<c>isolcpus</c>), empty when none.</summary>
    [JsonPropertyName("isolated_cpus")] public IReadOnlyList<int> IsolatedCpus { get; init; } = [];

    /// <summary>SHA-256 (hex) of the robot configuration file's bytes.</summary>
    [JsonPropertyName("config_sha256")] public string? ConfigSha256 { get; init; }

    /// <summary>The fields that define comparability, as name → value (used to list differences from a baseline).</summary>
    public IReadOnlyList<(string Name, string? Value)> Comparable() =>
    [
        ("cpu_model", CpuModel), ("cpu_count", CpuCount.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ("kernel", Kernel), ("preemption", Preemption), ("dotnet", DotNet), ("onnxruntime", OnnxRuntime),
        ("realtime", string.Join("; ", Realtime)), ("config_sha256", ConfigSha256),
    ];

    /// <summary>Reads the environment of this process; tries the loop's real-time settings (<paramref name="priority"/>, <paramref name="cpu"/>) on a short-lived thread.</summary>
    public static EnvironmentFingerprint Capture(string? configFile, int priority, int cpu)
    {
        var facts = RealtimeCapabilities.Probe(Math.Max(priority, RealtimeRequest.MinPriority)).Facts;
        string preemption = facts.PreemptionModel.ToString() + (facts.DynamicPreemptMode is { } mode ? $" ({mode})" : "");
        return new EnvironmentFingerprint
        {
            CpuModel = ReadCpuModel(),
            CpuCount = Environment.ProcessorCount,
            Kernel = ReadTrimmed("/proc/sys/kernel/osrelease"),
            Preemption = preemption,
            Os = RuntimeInformation.OSDescription,
            DotNet = RuntimeInformation.FrameworkDescription,
            OnnxRuntime = OnnxRuntimeVersion(),
            Realtime = TryRealtime(priority, cpu),
            IsolatedCpus = facts.IsolatedCpus ?? [],
            ConfigSha256 = configFile is not null && File.Exists(configFile) ? Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(configFile))) : null,
        };
    }

    private static IReadOnlyList<string> TryRealtime(int priority, int cpu)
    {
        IReadOnlyList<string> items = [];
        var thread = new Thread(() =>
        {
            var report = RealtimeThreadSetup.Apply(new RealtimeRequest(priority, cpu, lockMemory: true));
            items = report.Items.Select(i => i.Describe()).ToList();
            if (report.Items.Any(i => i.Name == RealtimeThreadSetup.MemoryLockName && i.Granted)) RealtimeThreadSetup.UnlockMemory();
        }) { IsBackground = true, Name = "bench-rt-probe" };
        thread.Start();
        thread.Join();
        return items;
    }

    private static string? OnnxRuntimeVersion()
    {
        try
        {
            return Microsoft.ML.OnnxRuntime.OrtEnv.Instance().GetVersionString();
        }
        catch (Exception e) when (e is DllNotFoundException or TypeInitializationException or Microsoft.ML.OnnxRuntime.OnnxRuntimeException)
        {
            return null;
        }
    }

    private static string? ReadCpuModel()
    {
        if (!File.Exists("/proc/cpuinfo")) return null;
        var line = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
        return line?[(line.IndexOf(':') + 1)..].Trim();
    }

    private static string? ReadTrimmed(string path)
    {
        try
        {
            return File.Exists(path) ? File.ReadAllText(path).Trim() : null;
        }
        catch (IOException)
        {
            return null;
        }
    }
}
