using Controller.Cerebellum.Realtime;

namespace Controller.Cerebellum.Tests.Realtime;

/// <summary>
/// Whatever the machine grants (the sandbox may run as root or not, inside a cgroup or not), the report must agree
/// with what the kernel says afterwards. Each test runs on its own thread, which it puts back on SCHED_OTHER.
/// </summary>
public sealed class RealtimeThreadSetupTests
{
    [Fact]
    public void Apply_SchedFifo80_ReportAgreesWithTheKernelsPolicy()
    {
        var (report, policy, priority) = OnDedicatedThread.Run(() =>
        {
            var report = RealtimeThreadSetup.Apply(new RealtimeRequest(80, RealtimeRequest.NoPinning, lockMemory: false));
            var observed = (report, KernelReadback.Policy(), KernelReadback.Priority());
            KernelReadback.RevertToNormal();
            return observed;
        });

        var item = Assert.Single(report.Items);
        Assert.Equal(RealtimeThreadSetup.SchedFifoName, item.Name);
        Assert.Equal("80", item.Requested);
        if (item.Granted)
        {
            Assert.Equal(KernelReadback.SchedFifo, policy);
            Assert.Equal(80, priority);
            Assert.Null(item.Errno);
            Assert.Null(item.Fix);
            Assert.True(report.AllGranted);
        }
        else
        {
            Assert.NotEqual(KernelReadback.SchedFifo, policy);
            Assert.False(string.IsNullOrEmpty(item.Errno));
            Assert.False(string.IsNullOrEmpty(item.Fix));
            Assert.False(report.AllGranted);
            Assert.Contains($"SCHED_FIFO 80: refused ({item.Errno}) — fix: ", report.Summary);
        }
    }

    [Fact]
    public void Apply_PinToLastCpu_ReportAgreesWithTheAllowedCpus()
    {
        int cpu = Environment.ProcessorCount - 1;
        var (report, allowed) = OnDedicatedThread.Run(() =>
        {
            var report = RealtimeThreadSetup.Apply(new RealtimeRequest(0, cpu, lockMemory: false));
            var observed = (report, KernelReadback.AllowedCpus());
            Controller.Pipeline.Threading.CpuAffinity.TryUnpinCurrentThread();
            return observed;
        });

        var item = Assert.Single(report.Items);
        Assert.Equal(RealtimeThreadSetup.CpuAffinityName, item.Name);
        if (item.Granted)
        {
            if (allowed is not null) Assert.Equal(cpu.ToString(System.Globalization.CultureInfo.InvariantCulture), allowed);
        }
        else
        {
            Assert.NotNull(item.Errno);
            Assert.NotNull(item.Fix);
        }
    }

    [Theory]
    [InlineData(1023)] // beyond this machine: the kernel refuses
    [InlineData(5000)] // beyond cpu_set_t: refused before the call
    public void Apply_CpuBeyondTheMachine_RefusedWithEinvalAndTheCpuRange(int cpu)
    {
        var report = OnDedicatedThread.Run(() => RealtimeThreadSetup.Apply(new RealtimeRequest(0, cpu, lockMemory: false)));

        var item = Assert.Single(report.Items);
        if (Environment.ProcessorCount > cpu) return; // a machine that big has this CPU
        Assert.False(item.Granted);
        Assert.False(report.AllGranted);
        Assert.Equal(OperatingSystem.IsLinux() ? "EINVAL" : "ENOSYS", item.Errno);
        if (OperatingSystem.IsLinux()) Assert.Contains($"--cpu within 0..{Environment.ProcessorCount - 1}", item.Fix);
    }

    [Fact]
    public void Apply_NothingRequested_EmptyReportThatIsAllGranted()
    {
        var report = RealtimeThreadSetup.Apply(new RealtimeRequest(RealtimeRequest.NoRealtimePriority, RealtimeRequest.NoPinning, lockMemory: false));

        Assert.Empty(report.Items);
        Assert.True(report.AllGranted);
        Assert.Equal("nothing requested", report.Summary);
    }

    [Fact]
    public void Apply_Null_ThrowsArgumentNull()
    {
        Assert.Throws<ArgumentNullException>(() => RealtimeThreadSetup.Apply(null!));
    }
}
