using System.Text.Json.Serialization;

namespace Controller.Cerebellum.Realtime;

/// <summary>
/// What <see cref="RealtimeCapabilities.Probe"/> read from the machine, before any judgement. Null means the value
/// could not be read (file absent, not Linux).
/// </summary>
public sealed record RealtimeFacts
{
    /// <summary>The kernel's preemption model.</summary>
    [JsonPropertyName("preemption_model")]
    public PreemptionModel PreemptionModel { get; init; }

    /// <summary>On PREEMPT_DYNAMIC kernels, the mode in force (<c>none</c>, <c>voluntary</c>, <c>full</c>, <c>lazy</c>) where readable.</summary>
    [JsonPropertyName("dynamic_preempt_mode")]
    public string? DynamicPreemptMode { get; init; }

    /// <summary>The kernel version text (<c>/proc/version</c>).</summary>
    [JsonPropertyName("kernel_version")]
    public string? KernelVersion { get; init; }

    /// <summary>Whether the process runs as root (effective uid 0).</summary>
    [JsonPropertyName("is_root")]
    public bool IsRoot { get; init; }

    /// <summary>The effective capability mask (<c>CapEff</c> of <c>/proc/self/status</c>).</summary>
    [JsonPropertyName("effective_capabilities")]
    public ulong? EffectiveCapabilities { get; init; }

    /// <summary>RLIMIT_RTPRIO: the highest SCHED_FIFO priority an unprivileged process may take.</summary>
    [JsonPropertyName("rlimit_rtprio")]
    public ResourceLimit? RtprioLimit { get; init; }

    /// <summary>RLIMIT_MEMLOCK in bytes: how much memory an unprivileged process may lock.</summary>
    [JsonPropertyName("rlimit_memlock_bytes")]
    public ResourceLimit? MemlockLimit { get; init; }

    /// <summary>CPUs isolated from the scheduler at boot (<c>isolcpus=</c>).</summary>
    [JsonPropertyName("isolated_cpus")]
    public IReadOnlyList<int>? IsolatedCpus { get; init; }

    /// <summary>CPUs without the periodic tick (<c>nohz_full=</c>); null where the kernel does not expose the list.</summary>
    [JsonPropertyName("nohz_full_cpus")]
    public IReadOnlyList<int>? NohzFullCpus { get; init; }

    /// <summary>cpufreq governor per CPU; empty where cpufreq is not exposed (common in VMs).</summary>
    [JsonPropertyName("cpu_governors")]
    public IReadOnlyDictionary<int, string> Governors { get; init; } = new Dictionary<int, string>();

    /// <summary>Real-time throttling budget per period in microseconds; -1 means throttling is disabled.</summary>
    [JsonPropertyName("sched_rt_runtime_us")]
    public long? RtRuntimeUs { get; init; }

    /// <summary>Real-time throttling period in microseconds.</summary>
    [JsonPropertyName("sched_rt_period_us")]
    public long? RtPeriodUs { get; init; }

    /// <summary>CPUs available to the process.</summary>
    [JsonPropertyName("processor_count")]
    public int ProcessorCount { get; init; }

    /// <summary>Whether the server GC is in effect (<c>GCSettings.IsServerGC</c>).</summary>
    [JsonPropertyName("server_gc")]
    public bool IsServerGc { get; init; }

    /// <summary>The GC latency mode in effect (<c>GCSettings.LatencyMode</c>).</summary>
    [JsonPropertyName("gc_latency_mode")]
    public string GcLatencyMode { get; init; } = "";

    /// <summary>The <c>System.GC.Concurrent</c> switch where the runtime configuration sets it (default: on).</summary>
    [JsonPropertyName("gc_concurrent_switch")]
    public bool? ConcurrentGcSwitch { get; init; }

    /// <summary>Whether the process may take real-time policies regardless of RLIMIT_RTPRIO.</summary>
    [JsonPropertyName("cap_sys_nice")]
    public bool HasSysNice => EffectiveCapabilities is ulong mask ? ProcStatusParser.HasCapability(mask, ProcStatusParser.CapSysNice) : IsRoot;

    /// <summary>Whether the process may lock memory regardless of RLIMIT_MEMLOCK.</summary>
    [JsonPropertyName("cap_ipc_lock")]
    public bool HasIpcLock => EffectiveCapabilities is ulong mask ? ProcStatusParser.HasCapability(mask, ProcStatusParser.CapIpcLock) : IsRoot;
}
