using Controller.Hardware.Protocols.Cia402;
using Controller.Hardware.Simulation;
using Controller.Hardware.Simulation.Can;
using Controller.Hardware.Simulation.Cia402;
using Controller.Pipeline.Time;

namespace Controller.Cli.Tests.Commands;

/// <summary>`robotctl scan can` and `robotctl can sdo` against CiA 402 drive twins behind an SLCAN adapter twin on a pty.</summary>
public sealed class CanCommandsTests : IDisposable
{
    private readonly CanTwinHost _host;
    private readonly string _port;

    public CanCommandsTests()
    {
        var plant = new IndependentJointPlant(2);
        _host = new CanTwinHost(plant, MonotonicClock.Instance, 1_000_000, plant.Step);
        var scaling = new Cia402Scaling(131072, 10, 1.0);
        _host.AddCia402Drive(4, 0, scaling, new Cia402TwinOptions { DeviceName = "left hip", SerialNumber = 44, HeartbeatPeriodMs = 10 });
        _host.AddCia402Drive(9, 1, scaling, new Cia402TwinOptions { DeviceName = "right hip", SerialNumber = 99, HeartbeatPeriodMs = 10 });
        _port = _host.ExposeOverNewPseudoTerminal();
        _host.Start();
    }

    [Fact]
    public void ScanCan_TwoDrivesBehindSlcanPty_ListsStateIdentityAndName()
    {
        var (code, output, error) = CliRunner.Run("scan", "can", "--slcan", _port, "--timeout-ms", "20");

        Assert.True(code == 0, error);
        Assert.Contains($"2 CANopen node(s) on {_port}", output);
        Assert.Matches(@"\n\s+4  pre-operational\s+0x00020192\s+0x00000000\s+0x00000402\s+0x00010000\s+44\s+left hip", output);
        Assert.Matches(@"\n\s+9  pre-operational\s+0x00020192 .*\s99\s+right hip", output);
    }

    [Fact]
    public void ScanCan_Json_GivesProfile402()
    {
        var (code, output, error) = CliRunner.Run("scan", "can", "--slcan", _port, "--timeout-ms", "20", "--json");

        Assert.True(code == 0, error);
        Assert.Contains("\"node_id\": 4", output);
        Assert.Contains("\"profile\": 402", output);
        Assert.Contains("\"device_name\": \"right hip\"", output);
    }

    [Fact]
    public void ScanCan_SocketCanInterfaceOnThisKernel_FailsNamingTheModules()
    {
        var (code, _, error) = CliRunner.Run("scan", "can", "--if", "can0");

        Assert.Equal(1, code);
        Assert.Contains("modprobe can can_raw", error);
    }

    [Fact]
    public void ScanCan_BothOrNeitherChannel_IsAUsageError()
    {
        Assert.Contains("exactly one of --slcan", CliRunner.Run("scan", "can").Error);
        Assert.Contains("exactly one of --slcan", CliRunner.Run("scan", "can", "--slcan", _port, "--if", "can0").Error);
    }

    [Fact]
    public void SdoRead_DeviceName_PrintsTheString()
    {
        var (code, output, error) = CliRunner.Run("can", "sdo", "read", "--slcan", _port, "--node", "9", "0x1008:00", "--type", "str");

        Assert.True(code == 0, error);
        Assert.Equal("node 9 0x1008:00 = \"right hip\"", output.Trim());
    }

    [Fact]
    public void SdoWrite_HeartbeatPeriod_ReadsBack()
    {
        var (code, output, error) = CliRunner.Run("can", "sdo", "write", "--slcan", _port, "--node", "4", "0x1017:0", "250", "--type", "u16");
        Assert.True(code == 0, error);
        Assert.Contains("written", output);

        (code, output, error) = CliRunner.Run("can", "sdo", "read", "--slcan", _port, "--node", "4", "0x1017", "--type", "u16");
        Assert.True(code == 0, error);
        Assert.Equal("node 4 0x1017:00 = 250 (0x00FA)", output.Trim());
        Assert.Equal(250, _host.Drives[0].Dictionary.Get(0x1017).Value);
    }

    [Fact]
    public void SdoRead_MissingObject_ExitsTwoWithTheAbortByName()
    {
        var (code, _, error) = CliRunner.Run("can", "sdo", "read", "--slcan", _port, "--node", "4", "0x2345:01");

        Assert.Equal(2, code);
        Assert.Contains("0x06020000", error);
        Assert.Contains("object does not exist in the object dictionary", error);
        Assert.Contains("[ObjectDoesNotExist]", error);
    }

    [Fact]
    public void SdoWrite_WrongSize_ExitsTwoWithTheAbortByName()
    {
        var (code, _, error) = CliRunner.Run("can", "sdo", "write", "--slcan", _port, "--node", "4", "0x1017:00", "5");

        Assert.Equal(2, code);
        Assert.Contains("length of service parameter too high", error);
    }

    [Fact]
    public void SdoRead_AbsentNode_ExitsTwoWithTimeout()
    {
        var (code, _, error) = CliRunner.Run("can", "sdo", "read", "--slcan", _port, "--node", "33", "0x1000", "--timeout-ms", "50");

        Assert.Equal(2, code);
        Assert.Contains("[Timeout]", error);
    }

    [Theory]
    [InlineData("0x10000:0", "not an address")]
    [InlineData("0x1017:100", "not an address")]
    public void SdoRead_BadAddress_IsAUsageError(string address, string expected)
    {
        var (code, _, error) = CliRunner.Run("can", "sdo", "read", "--slcan", _port, "--node", "4", address);

        Assert.NotEqual(0, code);
        Assert.Contains(expected, error);
    }

    [Fact]
    public void SdoWrite_ValueOutOfRange_NamesTheRange()
    {
        var (code, _, error) = CliRunner.Run("can", "sdo", "write", "--slcan", _port, "--node", "4", "0x1017:00", "70000", "--type", "u16");

        Assert.Equal(1, code);
        Assert.Contains("allowed 0..65535", error);
    }

    public void Dispose() => _host.Dispose();
}
