using System.Globalization;

namespace Controller.Cerebellum.Realtime;

/// <summary>Pure judgement: turns <see cref="RealtimeFacts"/> into the doctor's lines with status and advice.</summary>
internal static class RealtimeAssessment
{
    private const string RtKernelAdvice =
        "for hard 1 kHz deadlines boot a PREEMPT_RT kernel (Debian: linux-image-rt-amd64; Ubuntu: Ubuntu Pro real-time kernel)";

    /// <summary>Every line, in the doctor's order; <paramref name="loopPriority"/> is the SCHED_FIFO priority the loop will ask for.</summary>
    public static IReadOnlyList<RealtimeCapability> Assess(RealtimeFacts facts, int loopPriority)
    {
        ArgumentNullException.ThrowIfNull(facts);
        return
        [
            KernelPreemption(facts),
            RtThrottling(facts),
            Privileges(facts),
            Rtprio(facts, loopPriority),
            Memlock(facts),
            IsolatedCpus(facts),
            NohzFull(facts),
            Governor(facts),
            DotnetGc(facts),
        ];
    }

    private static RealtimeCapability KernelPreemption(RealtimeFacts facts)
    {
        string name = KernelPreemptionParser.DisplayName(facts.PreemptionModel);
        const string key = RealtimeCapability.KernelPreemption;
        switch (facts.PreemptionModel)
        {
            case PreemptionModel.PreemptRt:
                return new(key, name, RealtimeCapabilityStatus.Ok, "fully preemptible kernel: worst-case wake-up latency in the tens of microseconds");
            case PreemptionModel.Preempt:
            case PreemptionModel.PreemptLazy:
                return new(key, name, RealtimeCapabilityStatus.Warning, $"preemptible, but spinlocked and interrupt sections still delay the loop; {RtKernelAdvice}");
            case PreemptionModel.PreemptDynamic:
                string mode = facts.DynamicPreemptMode ?? "unknown";
                string value = $"{name} (mode {mode})";
                return mode switch
                {
                    "full" or "lazy" => new(key, value, RealtimeCapabilityStatus.Warning, $"preemptible, but not real-time; {RtKernelAdvice}"),
                    "none" or "voluntary" => new(key, value, RealtimeCapabilityStatus.Problem, $"kernel code can hold the CPU for milliseconds: boot with preempt=full, or better {RtKernelAdvice}"),
                    _ => new(key, value, RealtimeCapabilityStatus.Warning, $"mode in force not readable (/sys/kernel/debug/sched/preempt): boot with preempt=full, or better {RtKernelAdvice}"),
                };
            case PreemptionModel.NoneOrVoluntary:
                return new(key, name, RealtimeCapabilityStatus.Problem, $"kernel code can hold the CPU for milliseconds: {RtKernelAdvice}");
            default:
                return new(key, name, RealtimeCapabilityStatus.Warning, "could not read the kernel version (/proc/version); is this Linux?");
        }
    }

    private static RealtimeCapability RtThrottling(RealtimeFacts facts)
    {
        const string key = RealtimeCapability.RtThrottling;
        if (facts.RtRuntimeUs is not long runtime)
            return new(key, "unknown", RealtimeCapabilityStatus.Warning, "could not read /proc/sys/kernel/sched_rt_runtime_us");
        if (runtime < 0)
            return new(key, "disabled (sched_rt_runtime_us = -1)", RealtimeCapabilityStatus.Ok, "a runaway real-time thread can monopolise its CPU; the loop's watchdog must catch it");
        string period = facts.RtPeriodUs is long p ? p.ToString(CultureInfo.InvariantCulture) : "?";
        string share = facts.RtPeriodUs is long q && q > 0 ? $" ({100.0 * runtime / q:0.#}%)" : "";
        string value = $"{runtime.ToString(CultureInfo.InvariantCulture)} of {period} us{share}";
        if (facts.RtPeriodUs is long periodUs && periodUs > 0 && runtime * 2 < periodUs)
            return new(key, value, RealtimeCapabilityStatus.Warning, "real-time threads get less than half of each period: sysctl kernel.sched_rt_runtime_us=950000");
        return new(key, value, RealtimeCapabilityStatus.Ok, "a safety net: only a loop that never sleeps gets throttled; disable (sysctl kernel.sched_rt_runtime_us=-1) only for a busy-waiting loop on an isolated CPU");
    }

    private static RealtimeCapability Privileges(RealtimeFacts facts)
    {
        const string key = RealtimeCapability.Privileges;
        string value = string.Join(", ",
            facts.IsRoot ? "root" : "not root",
            (facts.HasSysNice ? "" : "no ") + "CAP_SYS_NICE",
            (facts.HasIpcLock ? "" : "no ") + "CAP_IPC_LOCK");
        bool fifoByLimit = facts.RtprioLimit is { } rtprio && (rtprio.IsUnlimited || rtprio.Soft > 0);
        bool lockByLimit = facts.MemlockLimit is { IsUnlimited: true };
        bool canFifo = facts.HasSysNice || fifoByLimit;
        bool canLock = facts.HasIpcLock || lockByLimit;
        if (facts.HasSysNice && facts.HasIpcLock)
            return new(key, value, RealtimeCapabilityStatus.Ok, "may take SCHED_FIFO and lock memory");
        if (canFifo && canLock)
            return new(key, value, RealtimeCapabilityStatus.Ok, "the resource limits allow SCHED_FIFO and memory locking");
        if (!canFifo)
            return new(key, value, RealtimeCapabilityStatus.Problem, $"SCHED_FIFO will be refused: {RealtimeFixAdvice.GrantSysNice}");
        return new(key, value, RealtimeCapabilityStatus.Warning, $"locking all memory may be refused: {RealtimeFixAdvice.GrantIpcLock}");
    }

    private static RealtimeCapability Rtprio(RealtimeFacts facts, int loopPriority)
    {
        const string key = RealtimeCapability.RtprioLimit;
        if (facts.RtprioLimit is not { } limit)
            return new(key, "unknown", facts.HasSysNice ? RealtimeCapabilityStatus.Ok : RealtimeCapabilityStatus.Warning, "could not read the limit (getrlimit)");
        string value = $"soft {limit.SoftText}, hard {(limit.Hard?.ToString(CultureInfo.InvariantCulture) ?? "unlimited")}";
        if (facts.HasSysNice)
            return new(key, value, RealtimeCapabilityStatus.Ok, "does not apply: CAP_SYS_NICE allows every priority");
        if (limit.IsUnlimited || limit.Soft >= (ulong)loopPriority)
            return new(key, value, RealtimeCapabilityStatus.Ok, $"allows the loop's priority {loopPriority}");
        if (limit.Soft > 0)
            return new(key, value, RealtimeCapabilityStatus.Warning, $"allows priorities up to {limit.SoftText} only, the loop asks for {loopPriority}: {RealtimeFixAdvice.RaiseRtprio}");
        return new(key, value, RealtimeCapabilityStatus.Problem, $"no real-time priority allowed: {RealtimeFixAdvice.RaiseRtprio}, or {RealtimeFixAdvice.GrantSysNice}");
    }

    private static RealtimeCapability Memlock(RealtimeFacts facts)
    {
        const string key = RealtimeCapability.MemlockLimit;
        if (facts.MemlockLimit is not { } limit)
            return new(key, "unknown", facts.HasIpcLock ? RealtimeCapabilityStatus.Ok : RealtimeCapabilityStatus.Warning, "could not read the limit (getrlimit)");
        string value = limit.Soft is ulong bytes ? $"{(bytes / 1024).ToString(CultureInfo.InvariantCulture)} KiB" : "unlimited";
        if (facts.HasIpcLock)
            return new(key, value, RealtimeCapabilityStatus.Ok, "does not apply: CAP_IPC_LOCK allows locking any amount");
        if (limit.IsUnlimited)
            return new(key, value, RealtimeCapabilityStatus.Ok, "the whole process may be locked");
        return new(key, value, RealtimeCapabilityStatus.Warning,
            $"too small to lock a .NET process, and with MCL_FUTURE later allocations beyond it fail: {RealtimeFixAdvice.RaiseMemlock}, or {RealtimeFixAdvice.GrantIpcLock}");
    }

    private static RealtimeCapability IsolatedCpus(RealtimeFacts facts)
    {
        const string key = RealtimeCapability.IsolatedCpus;
        int last = Math.Max(0, facts.ProcessorCount - 1);
        string bootArgs = $"boot with isolcpus=managed_irq,domain,{last} nohz_full={last} rcu_nocbs={last} and pin the loop there (--cpu {last})";
        if (facts.IsolatedCpus is not { } cpus)
            return new(key, "not exposed", RealtimeCapabilityStatus.Warning, $"/sys/devices/system/cpu/isolated is missing; {bootArgs}");
        if (cpus.Count == 0)
            return new(key, $"none (of {facts.ProcessorCount} CPUs)", RealtimeCapabilityStatus.Warning, $"other threads and interrupts share the loop's CPU: {bootArgs}");
        return new(key, CpuListParser.Format(cpus), RealtimeCapabilityStatus.Ok, $"pin the loop to one of them (--cpu {cpus[^1]})");
    }

    private static RealtimeCapability NohzFull(RealtimeFacts facts)
    {
        const string key = RealtimeCapability.NohzFull;
        if (facts.NohzFullCpus is not { } cpus)
            return new(key, "not exposed", RealtimeCapabilityStatus.Warning, "kernel without CONFIG_NO_HZ_FULL: the scheduler tick interrupts the loop's CPU every 1 to 4 ms");
        if (cpus.Count == 0)
            return new(key, "none", RealtimeCapabilityStatus.Warning, "the scheduler tick interrupts the loop's CPU: boot with nohz_full=<the isolated CPUs>");
        return new(key, CpuListParser.Format(cpus), RealtimeCapabilityStatus.Ok, "no periodic tick on these CPUs while one task runs there");
    }

    private static RealtimeCapability Governor(RealtimeFacts facts)
    {
        const string key = RealtimeCapability.CpuGovernor;
        if (facts.Governors.Count == 0)
            return new(key, "not exposed", RealtimeCapabilityStatus.Warning, "no cpufreq (VM or no driver): the host or firmware sets the frequency; on bare metal use the performance governor");
        string value = string.Join("; ", facts.Governors
            .GroupBy(pair => pair.Value, StringComparer.Ordinal)
            .Select(group => $"{group.Key} (cpu {CpuListParser.Format(group.Select(pair => pair.Key))})"));
        if (facts.Governors.Values.All(governor => governor == "performance"))
            return new(key, value, RealtimeCapabilityStatus.Ok, "clock stays at its highest frequency");
        return new(key, value, RealtimeCapabilityStatus.Warning,
            "frequency changes stretch cycle times: sudo cpupower frequency-set -g performance (or write performance to /sys/devices/system/cpu/cpu*/cpufreq/scaling_governor)");
    }

    private static RealtimeCapability DotnetGc(RealtimeFacts facts)
    {
        const string key = RealtimeCapability.DotnetGc;
        bool concurrent = facts.ConcurrentGcSwitch ?? true;
        string value = $"{(facts.IsServerGc ? "server" : "workstation")}, {(concurrent ? "concurrent" : "non-concurrent")}, {facts.GcLatencyMode}";
        if (facts.IsServerGc)
            return new(key, value, RealtimeCapabilityStatus.Problem, "server GC runs a heap and GC thread per core that compete with the loop: set <ServerGarbageCollector>false</ServerGarbageCollector>");
        if (!concurrent || facts.GcLatencyMode == "Batch")
            return new(key, value, RealtimeCapabilityStatus.Warning, "full collections stop the loop for their whole length: set <ConcurrentGarbageCollection>true</ConcurrentGarbageCollection>");
        return new(key, value, RealtimeCapabilityStatus.Ok, "pauses still stop the loop thread: keep the loop allocation-free (the brain can run in its own process)");
    }
}
