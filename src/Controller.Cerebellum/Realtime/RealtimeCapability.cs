using System.Text.Json.Serialization;

namespace Controller.Cerebellum.Realtime;

/// <summary>One line of the doctor's table: a capability of the machine, its value, a verdict and advice.</summary>
/// <param name="Name">What is checked, e.g. <see cref="KernelPreemption"/>.</param>
/// <param name="Value">What was found, as text.</param>
/// <param name="Status">The verdict.</param>
/// <param name="Advice">What it means for the loop or how to improve it; one line.</param>
public sealed record RealtimeCapability(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("value")] string Value,
    [property: JsonPropertyName("status")] RealtimeCapabilityStatus Status,
    [property: JsonPropertyName("advice")] string Advice)
{
    /// <summary>Name of the kernel preemption model line.</summary>
    public const string KernelPreemption = "kernel preemption";

    /// <summary>Name of the real-time throttling line.</summary>
    public const string RtThrottling = "RT throttling";

    /// <summary>Name of the privileges line (root, CAP_SYS_NICE, CAP_IPC_LOCK).</summary>
    public const string Privileges = "privileges";

    /// <summary>Name of the RLIMIT_RTPRIO line.</summary>
    public const string RtprioLimit = "RLIMIT_RTPRIO";

    /// <summary>Name of the RLIMIT_MEMLOCK line.</summary>
    public const string MemlockLimit = "RLIMIT_MEMLOCK";

    /// <summary>Name of the isolated CPUs line.</summary>
    public const string IsolatedCpus = "isolated CPUs";

    /// <summary>Name of the nohz_full line.</summary>
    public const string NohzFull = "nohz_full";

    /// <summary>Name of the CPU frequency governor line.</summary>
    public const string CpuGovernor = "CPU governor";

    /// <summary>Name of the .NET GC line.</summary>
    public const string DotnetGc = ".NET GC";
}
