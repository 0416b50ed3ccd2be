using FsCheck;
using FsCheck.Fluent;
using Controller.Cli.Commands.Doctor;

namespace Controller.Cli.Tests.Commands.Doctor;

public class CpuIsolationCheckTests
{
    [Fact]
    public void Check_IsolatedCoreWithNohzAndMixedGovernors_OkIsolationAndOneWarningPerSlowCpu()
    {
        using var proc = new FakeTree().With("cmdline", "BOOT_IMAGE=/vmlinuz root=/dev/sda1 isolcpus=3 nohz_full=3 rcu_nocbs=3 quiet\n");
        using var sys = new FakeTree()
            .With("devices/system/cpu/isolated", "3\n")
            .With("devices/system/cpu/cpu0/cpufreq/scaling_governor", "performance\n")
            .With("devices/system/cpu/cpu1/cpufreq/scaling_governor", "powersave\n")
            .With("devices/system/cpu/cpu10/cpufreq/scaling_governor", "schedutil\n")
            .With("devices/system/cpu/cpufreq/policy0/scaling_governor", "performance\n");

        var findings = CpuIsolationCheck.Check(proc.Root, sys.Root);

        Assert.Equal(["cpu isolation", "scaling governor cpu0", "scaling governor cpu1", "scaling governor cpu10"], findings.Select(f => f.Check));
        Assert.Equal(DoctorStatus.Ok, findings[0].Status);
        Assert.Contains("isolcpus=3 nohz_full=3 rcu_nocbs=3", findings[0].Value);
        Assert.Equal([DoctorStatus.Ok, DoctorStatus.Warn, DoctorStatus.Warn], findings.Skip(1).Select(f => f.Status));
        Assert.Contains("echo performance | sudo tee /sys/devices/system/cpu/cpu1/cpufreq/scaling_governor", findings[2].Fix);
    }

    [Fact]
    public void Check_NothingIsolatedNoCpufreq_WarnsWithGrubFixAndSaysNoCpufreq()
    {
        using var proc = new FakeTree().With("cmdline", "root=/dev/vda1 console=ttyS0\n");
        using var sys = new FakeTree().With("devices/system/cpu/isolated", "\n");

        var findings = CpuIsolationCheck.Check(proc.Root, sys.Root);

        Assert.Equal(DoctorStatus.Warn, findings[0].Status);
        Assert.Contains("isolcpus=", findings[0].Fix);
        var governor = Assert.Single(findings.Skip(1));
        Assert.Equal(DoctorStatus.Ok, governor.Status);
        Assert.Contains("no cpufreq", governor.Value);
    }

    [Fact]
    public void AssessIsolation_IsolatedWithoutNohzFull_WarnsAboutTheTick()
    {
        var finding = CpuIsolationCheck.AssessIsolation("isolcpus=2,3", "2-3");

        Assert.Equal(DoctorStatus.Warn, finding.Status);
        Assert.Contains("nohz_full=", finding.Fix);
    }

    [Fact]
    public void AssessIsolation_AnyText_NeverThrows()
    {
        Prop.ForAll(ArbMap.Default.ArbFor<string>(), ArbMap.Default.ArbFor<string>(),
                (cmdline, isolated) => CpuIsolationCheck.AssessIsolation(cmdline, isolated).Check == "cpu isolation")
            .QuickCheckThrowOnFailure();
    }
}
