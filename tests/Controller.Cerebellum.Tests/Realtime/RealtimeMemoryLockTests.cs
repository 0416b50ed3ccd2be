using Controller.Cerebellum.Realtime;

namespace Controller.Cerebellum.Tests.Realtime;

/// <summary>mlockall is process-wide: every test here unlocks again, and the class runs alone.</summary>
[Collection(ProcessWideCollection.Name)]
public sealed class RealtimeMemoryLockTests
{
    [Fact]
    public void Apply_LockMemory_ReportAgreesWithVmLck()
    {
        var (report, lockedKb) = OnDedicatedThread.Run(() =>
        {
            var report = RealtimeThreadSetup.Apply(new RealtimeRequest(0, RealtimeRequest.NoPinning, lockMemory: true));
            var observed = (report, KernelReadback.LockedKilobytes());
            KernelReadback.UnlockAll();
            return observed;
        });

        var item = Assert.Single(report.Items);
        Assert.Equal(RealtimeThreadSetup.MemoryLockName, item.Name);
        Assert.Equal("MCL_CURRENT|MCL_FUTURE", item.Requested);
        if (item.Granted)
        {
            if (lockedKb is not null) Assert.True(lockedKb > 0, $"mlockall was reported granted but VmLck is {lockedKb} kB");
        }
        else
        {
            Assert.False(string.IsNullOrEmpty(item.Errno));
            Assert.False(string.IsNullOrEmpty(item.Fix));
        }
        if (OperatingSystem.IsLinux()) Assert.Equal(0, KernelReadback.LockedKilobytes());
    }

    [Fact]
    public void UnlockMemory_AfterAGrantedLock_LeavesNothingLocked()
    {
        bool unlocked = OnDedicatedThread.Run(() =>
        {
            RealtimeThreadSetup.Apply(new RealtimeRequest(0, RealtimeRequest.NoPinning, lockMemory: true));
            return RealtimeThreadSetup.UnlockMemory();
        });

        Assert.Equal(OperatingSystem.IsLinux(), unlocked);
        if (OperatingSystem.IsLinux()) Assert.Equal(0, KernelReadback.LockedKilobytes());
    }

    [Fact]
    public void Apply_EverythingAtOnce_ReportsInApplicationOrderAndAgreesWithTheKernel()
    {
        int cpu = Environment.ProcessorCount - 1;
        var (report, policy, allowed, lockedKb) = OnDedicatedThread.Run(() =>
        {
            var report = RealtimeThreadSetup.Apply(new RealtimeRequest(80, cpu, lockMemory: true));
            var observed = (report, KernelReadback.Policy(), KernelReadback.AllowedCpus(), KernelReadback.LockedKilobytes());
            KernelReadback.RevertToNormal();
            KernelReadback.UnlockAll();
            return observed;
        });

        Assert.Equal(
            [RealtimeThreadSetup.CpuAffinityName, RealtimeThreadSetup.MemoryLockName, RealtimeThreadSetup.SchedFifoName],
            report.Items.Select(item => item.Name));
        Assert.Equal(report.Items.All(item => item.Granted), report.AllGranted);
        Assert.Equal(report.Items.Count, report.Summary.Split(Environment.NewLine).Length);
        var fifo = report.Items[2];
        Assert.Equal(fifo.Granted, policy == KernelReadback.SchedFifo);
        if (report.Items[0].Granted && allowed is not null) Assert.Equal(cpu.ToString(System.Globalization.CultureInfo.InvariantCulture), allowed);
        if (report.Items[1].Granted && lockedKb is not null) Assert.True(lockedKb > 0);
    }
}
