using Controller.Cerebellum.Realtime;

namespace Controller.Cerebellum.Tests.Realtime;

public sealed class RealtimeFixAdviceTests
{
    [Fact]
    public void Scheduler_EpermWithoutCapabilityOrLimit_NamesSetcapAndLimitsConf()
    {
        string fix = RealtimeFixAdvice.Scheduler(LinuxErrno.EPERM, 80, hasSysNice: false, new ResourceLimit(0, 0));

        Assert.Contains("grant CAP_SYS_NICE: sudo setcap cap_sys_nice,cap_ipc_lock+ep", fix);
        Assert.Contains("/etc/security/limits.conf: @realtime - rtprio 95", fix);
    }

    [Fact]
    public void Scheduler_EpermWithLimitBelowPriority_SaysTheLimit()
    {
        string fix = RealtimeFixAdvice.Scheduler(LinuxErrno.EPERM, 80, hasSysNice: false, new ResourceLimit(50, 50));

        Assert.Contains("now 50", fix);
        Assert.Contains("priority 50 or lower", fix);
    }

    [Fact]
    public void Scheduler_EpermDespiteSysNice_BlamesTheCgroup()
    {
        string fix = RealtimeFixAdvice.Scheduler(LinuxErrno.EPERM, 80, hasSysNice: true, new ResourceLimit(0, 0));

        Assert.Contains("cgroup", fix);
        Assert.Contains("cpu.rt_runtime_us", fix);
    }

    [Fact]
    public void Affinity_Einval_NamesTheCpuRange()
    {
        Assert.Contains("run with --cpu within 0..3", RealtimeFixAdvice.Affinity(LinuxErrno.EINVAL, 7, 4));
    }

    [Theory]
    [InlineData(LinuxErrno.ENOMEM, false, "ulimit -l unlimited")]
    [InlineData(LinuxErrno.EPERM, false, "CAP_IPC_LOCK")]
    [InlineData(LinuxErrno.ENOMEM, true, "RAM")]
    public void MemoryLock_Refusal_NamesTheFix(int errno, bool hasIpcLock, string expected)
    {
        Assert.Contains(expected, RealtimeFixAdvice.MemoryLock(errno, hasIpcLock));
    }

    [Theory]
    [InlineData(1, "EPERM")]
    [InlineData(12, "ENOMEM")]
    [InlineData(22, "EINVAL")]
    [InlineData(11, "EAGAIN")]
    [InlineData(9999, "errno 9999")]
    public void Name_Errno_IsTheSymbolicName(int errno, string expected)
    {
        Assert.Equal(expected, LinuxErrno.Name(errno));
    }
}
