using System.Runtime.InteropServices;

namespace Controller.Cerebellum.Realtime;

/// <summary>The libc calls behind real-time thread setup and the capability probe (Linux x86_64/arm64).</summary>
internal static unsafe partial class RealtimeNative
{
    public const int SchedOther = 0;
    public const int SchedFifo = 1;
    public const int MclCurrent = 1;
    public const int MclFuture = 2;
    public const int RlimitMemlock = 8;
    public const int RlimitRtprio = 14;

    /// <summary><c>struct rlimit</c>: two <c>rlim_t</c> (unsigned long) values.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct RLimit
    {
        public nuint Current;
        public nuint Maximum;
    }

    /// <summary><c>sched_setscheduler(pid, policy, &amp;param)</c>; pid 0 is the calling thread.</summary>
    [LibraryImport("libc", EntryPoint = "sched_setscheduler", SetLastError = true)]
    public static partial int SchedSetScheduler(int pid, int policy, int* param);

    /// <summary><c>mlockall(flags)</c>.</summary>
    [LibraryImport("libc", EntryPoint = "mlockall", SetLastError = true)]
    public static partial int MLockAll(int flags);

    /// <summary><c>munlockall()</c>.</summary>
    [LibraryImport("libc", EntryPoint = "munlockall", SetLastError = true)]
    public static partial int MUnlockAll();

    /// <summary><c>getrlimit(resource, &amp;limit)</c>.</summary>
    [LibraryImport("libc", EntryPoint = "getrlimit", SetLastError = true)]
    public static partial int GetRLimit(int resource, RLimit* limit);
}
