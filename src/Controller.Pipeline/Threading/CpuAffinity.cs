using System.Runtime.InteropServices;

namespace Controller.Pipeline.Threading;

/// <summary>
/// Pins the calling OS thread to one CPU (<c>sched_setaffinity</c> on Linux). Pinning the two ends of a
/// pipeline to fixed cores makes hand-off latency repeatable; the real-time loop pins itself the same way.
/// </summary>
public static partial class CpuAffinity
{
    /// <summary>
    /// Pins the calling thread to <paramref name="cpu"/>. Returns false (leaving the thread as it was) where
    /// the OS refuses, the CPU does not exist, or the platform is not Linux; pinning is an optimisation.
    /// </summary>
    public static unsafe bool TryPinCurrentThread(int cpu)
    {
        if (!OperatingSystem.IsLinux() || cpu < 0 || cpu >= 1024) return false;
        // cpu_set_t is 1024 bits.
        ulong* mask = stackalloc ulong[16];
        new Span<ulong>(mask, 16).Clear();
        mask[cpu / 64] = 1UL << (cpu % 64);
        return SchedSetAffinity(0, 16 * sizeof(ulong), mask) == 0;
    }

    /// <summary>Undoes pinning: lets the calling thread run on every CPU of the process's original mask.</summary>
    public static unsafe bool TryUnpinCurrentThread()
    {
        if (!OperatingSystem.IsLinux()) return false;
        ulong* mask = stackalloc ulong[16];
        new Span<ulong>(mask, 16).Clear();
        int count = Math.Min(Environment.ProcessorCount, 1024);
        for (int cpu = 0; cpu < count; cpu++) mask[cpu / 64] |= 1UL << (cpu % 64);
        return SchedSetAffinity(0, 16 * sizeof(ulong), mask) == 0;
    }

    [LibraryImport("libc", EntryPoint = "sched_setaffinity", SetLastError = true)]
    private static unsafe partial int SchedSetAffinity(int pid, nuint size, ulong* mask);
}
