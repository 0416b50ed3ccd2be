using Controller.Cli.Commands.Doctor;

namespace Controller.Cli.Tests.Commands.Doctor;

public class SocketChecksTests
{
    [Fact]
    public void AssessRawSocket_Refused_FailsWithSetcapFix()
    {
        var finding = SocketChecks.AssessRawSocket(DoctorSockets.Errno.NotPermitted);

        Assert.Equal(DoctorStatus.Fail, finding.Status);
        Assert.Contains("setcap cap_net_raw+ep", finding.Fix);
    }

    [Fact]
    public void AssessRawSocket_Opened_IsOkWithoutFix()
    {
        var finding = SocketChecks.AssessRawSocket(0);

        Assert.Equal(DoctorStatus.Ok, finding.Status);
        Assert.Null(finding.Fix);
    }

    [Fact]
    public void AssessCan_FamilyNotSupported_FailsWithModprobeFix()
    {
        var finding = SocketChecks.AssessCan(DoctorSockets.Errno.FamilyNotSupported, procNetCan: false);

        Assert.Equal(DoctorStatus.Fail, finding.Status);
        Assert.Contains("modprobe can can_raw vcan", finding.Fix);
        Assert.Contains("no /proc/net/can", finding.Value);
    }

    [Fact]
    public void TryOpen_RealMachine_MatchesWhatTheCheckReports()
    {
        int errno = DoctorSockets.TryOpen(DoctorSockets.AfPacket);

        var finding = SocketChecks.AssessRawSocket(errno);

        Assert.Equal(errno == 0, finding.Status == DoctorStatus.Ok);
        Assert.Equal(finding.Status == DoctorStatus.Ok, finding.Fix is null);
    }

    [Fact]
    public void OnnxAssess_CpuOnly_IsOkAndNamesTheMissingGpu()
    {
        var finding = OnnxProvidersCheck.Assess(["CPUExecutionProvider"]);

        Assert.Equal(DoctorStatus.Ok, finding.Status);
        Assert.Contains("no CUDA", finding.Value);
    }

    [Fact]
    public void OnnxAssess_NotLoaded_FailsWithTheReason()
    {
        var finding = OnnxProvidersCheck.Assess(null, "libonnxruntime.so: cannot open");

        Assert.Equal(DoctorStatus.Fail, finding.Status);
        Assert.Contains("libonnxruntime.so", finding.Value);
    }
}
