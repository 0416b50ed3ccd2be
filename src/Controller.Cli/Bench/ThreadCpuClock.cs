using System.Runtime.InteropServices;

namespace Controller.Cli.Bench;

/// <summary>
/// The calling thread's own CPU time (<c>clock_gettime(CLOCK_THREAD_CPUTIME_ID)</c>): what a step really costs, without
/// the time the thread spent preempted. On a machine where the simulated devices, the plant and the loop share two
/// cores, a step's wall time includes every preemption by those threads; its CPU time does not, and is what the same
/// step costs on the robot's computer where those threads do not exist. A system call (not vDSO), so about a
/// microsecond: read it outside the window the wall clock measures.
/// </summary>
public static partial class ThreadCpuClock
{
    private const int ClockThreadCpuTimeId = 3;

    /// <summary>Whether the clock can be read here (Linux); elsewhere <see cref="NowNs"/> returns -1.</summary>
    public static bool IsSupported { get; } = OperatingSystem.IsLinux() && Read() >= 0;

    /// <summary>The calling thread's CPU time in ns, or -1 where the clock cannot be read.</summary>
    public static long NowNs() => IsSupported ? Read() : -1;

    private static long Read()
    {
        try
        {
            return clock_gettime(ClockThreadCpuTimeId, out Timespec t) == 0 ? t.Seconds * 1_000_000_000 + t.Nanoseconds : -1;
        }
        catch (DllNotFoundException)
        {
            return -1;
        }
        catch (EntryPointNotFoundException)
        {
            return -1;
        }
    }

    [LibraryImport("libc")]
    private static partial int clock_gettime(int clockId, out Timespec time);

    [StructLayout(LayoutKind.Sequential)]
    private struct Timespec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}
