using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Controller.Pipeline.Memory;

/// <summary>Tells whether a process exists without blocking or signalling it (<c>kill(pid, 0)</c>).</summary>
public static partial class ProcessProbe
{
    private const int Esrch = 3;

    /// <summary>This process's id.</summary>
    public static int CurrentPid { get; } = Environment.ProcessId;

    /// <summary>True if a process with <paramref name="pid"/> exists (zombies included until reaped).</summary>
    public static bool IsAlive(long pid)
    {
        if (pid <= 0 || pid > int.MaxValue) return false;
        if (pid == CurrentPid) return true;
        if (OperatingSystem.IsLinux() || OperatingSystem.IsMacOS() || OperatingSystem.IsFreeBSD())
        {
            // 0 = exists; EPERM = exists but belongs to someone else; ESRCH = gone.
            return Kill((int)pid, 0) == 0 || Marshal.GetLastPInvokeError() != Esrch;
        }
        try
        {
            using var process = Process.GetProcessById((int)pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);
}
