using System.Globalization;

namespace Controller.Cerebellum.Realtime;

/// <summary>One-line fixes for refused real-time settings, shared by the setup report and the doctor's table.</summary>
internal static class RealtimeFixAdvice
{
    /// <summary>Grants both capabilities to the dotnet host (or use the path of a published <c>robotctl</c>).</summary>
    public const string SetcapCommand = "sudo setcap cap_sys_nice,cap_ipc_lock+ep $(readlink -f $(which dotnet))";

    public const string GrantSysNice = "grant CAP_SYS_NICE: " + SetcapCommand;
    public const string GrantIpcLock = "grant CAP_IPC_LOCK: " + SetcapCommand;
    public const string RaiseRtprio = "raise RLIMIT_RTPRIO in /etc/security/limits.conf: @realtime - rtprio 95";
    public const string RaiseMemlock = "raise memlock limit: ulimit -l unlimited (limits.conf: @realtime - memlock unlimited)";
    public const string CgroupRtBudget =
        "the process has CAP_SYS_NICE, so its cgroup refused: the kernel has RT group scheduling and the cgroup no RT budget; " +
        "set cpu.rt_runtime_us for it (cgroup v1) or run it outside a cgroup with the cpu controller (cgroup v2)";

    /// <summary>The fix for a refused <c>sched_setscheduler(SCHED_FIFO, priority)</c>.</summary>
    public static string Scheduler(int errno, int priority, bool hasSysNice, ResourceLimit? rtprio) => errno switch
    {
        LinuxErrno.EPERM when hasSysNice => CgroupRtBudget,
        LinuxErrno.EPERM when rtprio?.Soft is ulong soft && soft > 0 && soft < (ulong)priority =>
            $"{RaiseRtprio} (now {soft.ToString(CultureInfo.InvariantCulture)}), or ask for priority {soft.ToString(CultureInfo.InvariantCulture)} or lower",
        LinuxErrno.EPERM => $"{GrantSysNice}, or {RaiseRtprio}",
        LinuxErrno.EINVAL => $"priority {priority} is not within this kernel's SCHED_FIFO range (chrt -m shows it; Linux: 1..99)",
        LinuxErrno.ENOSYS => "real-time thread setup is implemented for Linux only",
        _ => "unexpected refusal; see man 2 sched_setscheduler",
    };

    /// <summary>The fix for a refused pin to <paramref name="cpu"/>.</summary>
    public static string Affinity(int errno, int cpu, int processorCount) => errno switch
    {
        LinuxErrno.EINVAL => $"CPU {cpu} is not available to this process: run with --cpu within 0..{processorCount - 1} (and within its cpuset: taskset -cp $$)",
        LinuxErrno.EPERM => GrantSysNice,
        LinuxErrno.ENOSYS => "CPU pinning is implemented for Linux only",
        _ => "unexpected refusal; see man 2 sched_setaffinity",
    };

    /// <summary>The fix for a refused <c>mlockall(MCL_CURRENT|MCL_FUTURE)</c>.</summary>
    public static string MemoryLock(int errno, bool hasIpcLock) => errno switch
    {
        LinuxErrno.ENOMEM when hasIpcLock => "not enough free RAM to lock the whole process: free memory or add RAM",
        LinuxErrno.ENOMEM => $"{RaiseMemlock}, or {GrantIpcLock}",
        LinuxErrno.EPERM => $"{GrantIpcLock}, or {RaiseMemlock}",
        LinuxErrno.EAGAIN => "some memory could not be locked: check free RAM and the memlock limit (ulimit -l), then retry",
        LinuxErrno.ENOSYS => "memory locking is implemented for Linux only",
        _ => "unexpected refusal; see man 2 mlockall",
    };
}
