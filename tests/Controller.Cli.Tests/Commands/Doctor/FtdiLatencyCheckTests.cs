using FsCheck;
using FsCheck.Fluent;
using Controller.Cli.Commands.Doctor;

namespace Controller.Cli.Tests.Commands.Doctor;

public class FtdiLatencyCheckTests
{
    [Fact]
    public void Check_TwoAdapters_OneFindingEachJudgedByItsTimer()
    {
        using var sys = new FakeTree()
            .With("bus/usb-serial/devices/ttyUSB0/latency_timer", "16\n")
            .With("bus/usb-serial/devices/ttyUSB1/latency_timer", "1\n");

        var findings = FtdiLatencyCheck.Check(sys.Root);

        Assert.Equal(2, findings.Count);
        Assert.Equal(DoctorStatus.Warn, findings[0].Status);
        Assert.Contains("16 ms", findings[0].Value);
        Assert.Contains("echo 1 | sudo tee /sys/bus/usb-serial/devices/ttyUSB0/latency_timer", findings[0].Fix);
        Assert.Contains("udev", findings[0].Fix);
        Assert.Equal(DoctorStatus.Ok, findings[1].Status);
        Assert.Null(findings[1].Fix);
    }

    [Fact]
    public void Check_NoUsbSerialFolder_OneOkFindingSayingNone()
    {
        using var sys = new FakeTree();

        var finding = Assert.Single(FtdiLatencyCheck.Check(sys.Root));

        Assert.Equal(DoctorStatus.Ok, finding.Status);
        Assert.Contains("no USB serial adapter", finding.Value);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("")]
    [InlineData("-3")]
    [InlineData(null)]
    public void Assess_UnparsableOrUnreadable_WarnsWithFix(string? text)
    {
        var finding = FtdiLatencyCheck.Assess("ttyUSB3", text);

        Assert.Equal(DoctorStatus.Warn, finding.Status);
        Assert.Contains("unreadable", finding.Value);
        Assert.NotNull(finding.Fix);
    }

    [Fact]
    public void Assess_AnyText_NeverThrows()
    {
        Prop.ForAll(ArbMap.Default.ArbFor<string>(), text => FtdiLatencyCheck.Assess("ttyUSB0", text).Check == "ftdi latency_timer ttyUSB0")
            .QuickCheckThrowOnFailure();
    }
}
