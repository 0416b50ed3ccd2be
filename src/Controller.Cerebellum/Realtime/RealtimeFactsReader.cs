using System.Runtime;

namespace Controller.Cerebellum.Realtime;

/// <summary>Reads <see cref="RealtimeFacts"/> from procfs, sysfs, getrlimit and the runtime; changes nothing.</summary>
internal static class RealtimeFactsReader
{
    private const string CpuRoot = "/sys/devices/system/cpu";

    /// <summary>Reads every fact; values that cannot be read are null.</summary>
    public static RealtimeFacts Read()
    {
        string? procVersion = ReadText("/proc/version");
        string? version = ReadText("/proc/sys/kernel/version") ?? procVersion;
        return new RealtimeFacts
        {
            PreemptionModel = KernelPreemptionParser.Parse(ReadText("/sys/kernel/realtime"), version),
            DynamicPreemptMode = KernelPreemptionParser.ParseDynamicMode(ReadText("/sys/kernel/debug/sched/preempt"))
                ?? KernelPreemptionParser.ParseCommandLineMode(ReadText("/proc/cmdline")),
            KernelVersion = procVersion?.Trim(),
            IsRoot = Environment.IsPrivilegedProcess,
            EffectiveCapabilities = ProcStatusParser.ParseEffectiveCapabilities(ReadText("/proc/self/status")),
            RtprioLimit = GetLimit(RealtimeNative.RlimitRtprio),
            MemlockLimit = GetLimit(RealtimeNative.RlimitMemlock),
            IsolatedCpus = CpuListParser.Parse(ReadText($"{CpuRoot}/isolated")),
            NohzFullCpus = CpuListParser.Parse(ReadText($"{CpuRoot}/nohz_full")),
            Governors = ReadGovernors(),
            RtRuntimeUs = SysfsValueParser.ParseInteger(ReadText("/proc/sys/kernel/sched_rt_runtime_us")),
            RtPeriodUs = SysfsValueParser.ParseInteger(ReadText("/proc/sys/kernel/sched_rt_period_us")),
            ProcessorCount = Environment.ProcessorCount,
            IsServerGc = GCSettings.IsServerGC,
            GcLatencyMode = GCSettings.LatencyMode.ToString(),
            ConcurrentGcSwitch = AppContext.TryGetSwitch("System.GC.Concurrent", out bool concurrent) ? concurrent : null,
        };
    }

    /// <summary>The text of <paramref name="path"/>, or null where it does not exist or cannot be read.</summary>
    public static string? ReadText(string path)
    {
        try
        {
            return File.Exists(path) ? File.ReadAllText(path) : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            return null;
        }
    }

    /// <summary>The calling process's limit for <paramref name="resource"/>, or null off Linux or on failure.</summary>
    public static unsafe ResourceLimit? GetLimit(int resource)
    {
        if (!OperatingSystem.IsLinux()) return null;
        RealtimeNative.RLimit limit;
        if (RealtimeNative.GetRLimit(resource, &limit) != 0) return null;
        return ResourceLimit.FromRaw(limit.Current, limit.Maximum, nuint.MaxValue);
    }

    /// <summary>Whether the process holds capability <paramref name="bit"/> (root counts where CapEff cannot be read).</summary>
    public static bool HasCapability(int bit)
    {
        ulong? mask = ProcStatusParser.ParseEffectiveCapabilities(ReadText("/proc/self/status"));
        return mask is ulong m ? ProcStatusParser.HasCapability(m, bit) : Environment.IsPrivilegedProcess;
    }

    private static SortedDictionary<int, string> ReadGovernors()
    {
        var governors = new SortedDictionary<int, string>();
        IEnumerable<string> directories;
        try
        {
            directories = Directory.Exists(CpuRoot) ? Directory.GetDirectories(CpuRoot, "cpu*") : [];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return governors;
        }
        foreach (string directory in directories)
        {
            string name = Path.GetFileName(directory);
            if (!int.TryParse(name.AsSpan(3), System.Globalization.NumberStyles.None, null, out int cpu)) continue;
            string? governor = SysfsValueParser.ParseGovernor(ReadText(Path.Combine(directory, "cpufreq", "scaling_governor")));
            if (governor is not null) governors[cpu] = governor;
        }
        return governors;
    }
}
