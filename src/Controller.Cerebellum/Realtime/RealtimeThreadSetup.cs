using System.Globalization;
using System.Runtime.InteropServices;
using Controller.Pipeline.Threading;

namespace Controller.Cerebellum.Realtime;

/// <summary>
/// Makes the calling thread a real-time thread, best effort: pins it to one CPU, locks the process's memory and
/// switches it to SCHED_FIFO, in that order (so that the page faults of locking happen before the thread can
/// starve others). Call it from inside the loop thread. Refusals never throw: the report says what was granted,
/// why the rest was refused and how to fix it.
/// </summary>
public static class RealtimeThreadSetup
{
    /// <summary>Report name of the SCHED_FIFO item.</summary>
    public const string SchedFifoName = "SCHED_FIFO";

    /// <summary>Report name of the CPU pinning item.</summary>
    public const string CpuAffinityName = "CPU affinity";

    /// <summary>Report name of the memory locking item.</summary>
    public const string MemoryLockName = "mlockall";

    /// <summary>Applies <paramref name="request"/> to the calling thread (and, for memory locking, the process).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is null.</exception>
    public static RealtimeSetupReport Apply(RealtimeRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var items = new List<RealtimeSetupItem>(3);
        if (request.Cpu != RealtimeRequest.NoPinning) items.Add(PinToCpu(request.Cpu));
        if (request.LockMemory) items.Add(LockMemory());
        if (request.Priority != RealtimeRequest.NoRealtimePriority) items.Add(SetFifo(request.Priority));
        return new RealtimeSetupReport(items);
    }

    /// <summary>
    /// Unlocks all of the process's memory (<c>munlockall</c>), undoing a granted memory lock. Returns false where
    /// the call fails or the platform is not Linux.
    /// </summary>
    public static bool UnlockMemory()
    {
        if (!OperatingSystem.IsLinux()) return false;
        return RealtimeNative.MUnlockAll() == 0;
    }

    private static RealtimeSetupItem PinToCpu(int cpu)
    {
        string requested = $"cpu {cpu.ToString(CultureInfo.InvariantCulture)}";
        int processors = Environment.ProcessorCount;
        if (!OperatingSystem.IsLinux())
            return RealtimeSetupItem.Refused(CpuAffinityName, requested, "ENOSYS", RealtimeFixAdvice.Affinity(LinuxErrno.ENOSYS, cpu, processors));

        Marshal.SetLastPInvokeError(0);
        if (CpuAffinity.TryPinCurrentThread(cpu)) return RealtimeSetupItem.GrantedItem(CpuAffinityName, requested);
        int errno = Marshal.GetLastPInvokeError();
        if (errno == 0) errno = LinuxErrno.EINVAL; // refused before the call: a CPU number beyond cpu_set_t
        return RealtimeSetupItem.Refused(CpuAffinityName, requested, LinuxErrno.Name(errno), RealtimeFixAdvice.Affinity(errno, cpu, processors));
    }

    private static RealtimeSetupItem LockMemory()
    {
        const string requested = "MCL_CURRENT|MCL_FUTURE";
        int errno;
        if (!OperatingSystem.IsLinux())
        {
            errno = LinuxErrno.ENOSYS;
        }
        else
        {
            if (RealtimeNative.MLockAll(RealtimeNative.MclCurrent | RealtimeNative.MclFuture) == 0)
                return RealtimeSetupItem.GrantedItem(MemoryLockName, requested);
            errno = Marshal.GetLastPInvokeError();
        }
        bool hasIpcLock = errno != LinuxErrno.ENOSYS && RealtimeFactsReader.HasCapability(ProcStatusParser.CapIpcLock);
        return RealtimeSetupItem.Refused(MemoryLockName, requested, LinuxErrno.Name(errno), RealtimeFixAdvice.MemoryLock(errno, hasIpcLock));
    }

    private static unsafe RealtimeSetupItem SetFifo(int priority)
    {
        string requested = priority.ToString(CultureInfo.InvariantCulture);
        int errno;
        if (!OperatingSystem.IsLinux())
        {
            errno = LinuxErrno.ENOSYS;
        }
        else
        {
            int param = priority; // struct sched_param { int sched_priority; }
            if (RealtimeNative.SchedSetScheduler(0, RealtimeNative.SchedFifo, &param) == 0)
                return RealtimeSetupItem.GrantedItem(SchedFifoName, requested);
            errno = Marshal.GetLastPInvokeError();
        }
        bool linux = errno != LinuxErrno.ENOSYS;
        string fix = RealtimeFixAdvice.Scheduler(
            errno,
            priority,
            linux && RealtimeFactsReader.HasCapability(ProcStatusParser.CapSysNice),
            linux ? RealtimeFactsReader.GetLimit(RealtimeNative.RlimitRtprio) : null);
        return RealtimeSetupItem.Refused(SchedFifoName, requested, LinuxErrno.Name(errno), fix);
    }
}
