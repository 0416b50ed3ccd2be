using System.Runtime.InteropServices;

namespace Controller.Cerebellum.Tests.Realtime;

/// <summary>
/// Reads back what the kernel says about the calling thread and process, independently of the code under test,
/// and undoes what the tests changed.
/// </summary>
internal static unsafe partial class KernelReadback
{
    public const int SchedOther = 0;
    public const int SchedFifo = 1;

    /// <summary>The calling thread's scheduling policy (0 SCHED_OTHER, 1 SCHED_FIFO…).</summary>
    public static int Policy() => SchedGetScheduler(0);

    /// <summary>The calling thread's real-time priority (0 under SCHED_OTHER).</summary>
    public static int Priority()
    {
        int param = -1;
        return SchedGetParam(0, &param) == 0 ? param : -1;
    }

    /// <summary>Puts the calling thread back on SCHED_OTHER (always permitted).</summary>
    public static bool RevertToNormal()
    {
        int param = 0;
        return SchedSetScheduler(0, SchedOther, &param) == 0;
    }

    /// <summary>Unlocks all of the process's memory.</summary>
    public static bool UnlockAll() => MUnlockAll() == 0;

    /// <summary>Locked memory of the process in KiB from /proc/self/status, or null where unreadable.</summary>
    public static long? LockedKilobytes() => StatusField("/proc/self/status", "VmLck:") is { } value
        ? long.Parse(value.Replace("kB", "", StringComparison.Ordinal).Trim(), System.Globalization.CultureInfo.InvariantCulture)
        : null;

    /// <summary>The calling thread's allowed CPU list, e.g. <c>1</c> or <c>0-3</c>, or null where unreadable.</summary>
    public static string? AllowedCpus() => StatusField("/proc/thread-self/status", "Cpus_allowed_list:");

    private static string? StatusField(string path, string key)
    {
        if (!File.Exists(path)) return null;
        return File.ReadLines(path)
            .Where(line => line.StartsWith(key, StringComparison.Ordinal))
            .Select(line => line[key.Length..].Trim())
            .FirstOrDefault();
    }

    [LibraryImport("libc", EntryPoint = "sched_getscheduler")]
    private static partial int SchedGetScheduler(int pid);

    [LibraryImport("libc", EntryPoint = "sched_getparam")]
    private static partial int SchedGetParam(int pid, int* param);

    [LibraryImport("libc", EntryPoint = "sched_setscheduler")]
    private static partial int SchedSetScheduler(int pid, int policy, int* param);

    [LibraryImport("libc", EntryPoint = "munlockall")]
    private static partial int MUnlockAll();
}
