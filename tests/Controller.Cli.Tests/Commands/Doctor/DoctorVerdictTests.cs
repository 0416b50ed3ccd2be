using Controller.Cli.Commands.Doctor;
using Controller.Runtime.Configuration;

namespace Controller.Cli.Tests.Commands.Doctor;

/// <summary>Which hardware findings block which robot, the verdict line and the exit code.</summary>
public class DoctorVerdictTests
{
    private static readonly DoctorFinding RawRefused = SocketChecks.AssessRawSocket(DoctorSockets.Errno.NotPermitted);
    private static readonly DoctorFinding CanMissing = SocketChecks.AssessCan(DoctorSockets.Errno.FamilyNotSupported, procNetCan: false);
    private static readonly DoctorFinding OnnxMissing = OnnxProvidersCheck.Assess(null, "libonnxruntime.so not found");
    private static readonly DoctorFinding Latency16 = FtdiLatencyCheck.Assess("ttyUSB0", "16\n");
    private static readonly DoctorFinding CanOk = SocketChecks.AssessCan(0, procNetCan: true);

    private static RobotConfig Robot(string relative) => RobotConfigLoader.Load(Path.Combine(HardwareRoot(), relative));

    private static string HardwareRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !Directory.Exists(Path.Combine(dir.FullName, "hardware", "sim-arm6"))) dir = dir.Parent;
        return Path.Combine(dir!.FullName, "hardware");
    }

    [Fact]
    public void Judge_NoRobot_NothingBlocksAndTheLineSaysWhichWouldBlock()
    {
        var verdict = DoctorVerdict.Judge([RawRefused, CanMissing, Latency16, CanOk], robot: null);

        Assert.Equal(0, verdict.ExitCode);
        Assert.Equal("hardware: ok with 3 advisories (2 would block a robot that needs them; name it with --robot)", verdict.Line);
    }

    [Fact]
    public void Judge_EtherCatRobotWithoutRawSockets_BlocksNamingTheBus()
    {
        var verdict = DoctorVerdict.Judge([RawRefused, CanMissing, CanOk], Robot("cia402-ethercat-arm/robot.yaml"));

        Assert.Equal(DoctorVerdict.BlockedExitCode, verdict.ExitCode);
        Assert.Equal("hardware: 1 blocking cia402-ethercat-arm: raw socket (AF_PACKET) (EtherCAT bus 'arm'); 1 advisories", verdict.Line);
    }

    [Fact]
    public void Judge_SimulatedBuses_NeedNoSocketsButTheBrainNeedsOnnx()
    {
        RobotConfig simArm = Robot("sim-arm6/robot.yaml");

        var withOnnx = DoctorVerdict.Judge([RawRefused, CanMissing, Latency16], simArm);
        var withoutOnnx = DoctorVerdict.Judge([RawRefused, OnnxMissing], simArm);

        Assert.Equal(0, withOnnx.ExitCode);
        Assert.Equal("hardware: ok with 3 advisories", withOnnx.Line);
        Assert.Equal(DoctorVerdict.BlockedExitCode, withoutOnnx.ExitCode);
        Assert.Equal("hardware: 1 blocking sim-arm6: onnxruntime providers (the brain's models run on ONNX Runtime); 1 advisories", withoutOnnx.Line);
    }

    [Fact]
    public void Judge_RealCanBuses_BlockWithoutSocketCanButNotOverSlcan()
    {
        RobotConfig g1 = Robot("g1-29dof/robot.yaml");
        RobotConfig socketCan = g1 with { Buses = g1.Buses.Select(b => b.IsCan ? b with { Port = "can0" } : b).ToArray() };
        RobotConfig slcan = g1 with { Buses = g1.Buses.Select(b => b.IsCan ? b with { Port = "/dev/ttyACM0", OverSlcan = true } : b).ToArray() };

        var blocked = DoctorVerdict.Judge([CanMissing], socketCan);
        var advised = DoctorVerdict.Judge([CanMissing], slcan);

        Assert.Equal(DoctorVerdict.BlockedExitCode, blocked.ExitCode);
        Assert.Equal("hardware: 1 blocking g1-29dof: can kernel support (SocketCAN bus 'left_arm', 'right_arm'); 0 advisories", blocked.Line);
        Assert.Equal(0, advised.ExitCode);
    }

    [Fact]
    public void Judge_FtdiLatencyLongerThanTheLoopPeriodOnTheBusAdapter_Blocks()
    {
        RobotConfig so101 = Robot("so101/robot.yaml");
        RobotConfig real = so101 with { Buses = so101.Buses.Select(b => b with { Port = "/dev/ttyUSB0" }).ToArray() };
        RobotConfig otherAdapter = so101 with { Buses = so101.Buses.Select(b => b with { Port = "/dev/ttyUSB1" }).ToArray() };

        var blocked = DoctorVerdict.Judge([Latency16, FtdiLatencyCheck.Assess("ttyUSB1", "1")], real);

        Assert.Equal(DoctorVerdict.BlockedExitCode, blocked.ExitCode);
        Assert.Equal("hardware: 1 blocking so101: ftdi latency_timer ttyUSB0 (a 16 ms reply latency, longer than the 2 ms loop period, on bus 'arm'); 0 advisories", blocked.Line);
        Assert.Equal(0, DoctorVerdict.Judge([Latency16], otherAdapter).ExitCode);
    }

    [Fact]
    public void Doctor_RobotOption_LastLineCombinesBothHalvesAndExitCodeFollowsTheVerdict()
    {
        var (code, output, _) = CliRunner.Run("doctor", "--cpu", "-1", "--robot", Path.Combine(HardwareRoot(), "sim-arm6", "robot.yaml"));

        string last = output.TrimEnd().Split('\n')[^1].TrimEnd('\r');
        Assert.Matches(@"^\d+ problems, \d+ warnings; hardware: (ok with \d+ advisories|\d+ blocking sim-arm6: .+)$", last);
        Assert.Equal(last.Contains("blocking", StringComparison.Ordinal) ? DoctorVerdict.BlockedExitCode : 0, code);
    }

    [Fact]
    public void Doctor_MissingRobotFile_ExitsWithUsageNamingTheFile()
    {
        var (code, _, error) = CliRunner.Run("doctor", "--robot", "/nonexistent/robot.yaml");

        Assert.Equal(2, code);
        Assert.Contains("--robot file '/nonexistent/robot.yaml' does not exist", error);
    }
}
