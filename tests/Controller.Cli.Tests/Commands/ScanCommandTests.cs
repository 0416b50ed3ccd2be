using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.RegularExpressions;
using Controller.Hardware.Protocols.Dynamixel;
using Controller.Hardware.Simulation;
using Controller.Hardware.Simulation.Ati;
using Controller.Hardware.Simulation.Dynamixel;

namespace Controller.Cli.Tests.Commands;

/// <summary>`robotctl scan` against real twins: a Dynamixel chain on a pseudo-terminal, a Net F/T on UDP loopback.</summary>
public sealed class ScanCommandTests
{
    private static DynamixelChainTwin StartChain(params byte[] ids)
    {
        var plant = new IndependentJointPlant(ids.Length);
        var servos = ids.Select((id, joint) => new DynamixelTwinServo(id, DynamixelModels.XM430W350, joint)).ToArray();
        return DynamixelChainTwin.StartOnNewPseudoTerminal(plant, servos, new DynamixelTwinOptions { StepPlant = plant.Step });
    }

    [Fact]
    public void ScanSerial_ChainWithIds125_ListsExactlyThoseIdsWithModelName()
    {
        using var twin = StartChain(1, 2, 5);

        var (code, output, error) = CliRunner.Run("scan", "serial", "--port", twin.PortPath, "--baud", "1000000");

        Assert.True(code == 0, error);
        Assert.Contains($"{twin.PortPath} at 1000000 baud: 3 servo(s)", output);
        var rows = Regex.Matches(output, @"^(\d+) +1020 +XM430-W350 +(\d+) +1000000 +-$", RegexOptions.Multiline);
        Assert.Equal(new[] { "1", "2", "5" }, rows.Select(m => m.Groups[1].Value));
        Assert.All(rows, m => Assert.Equal(twin.Servo(1).ReadRegister(XSeriesControlTable.FirmwareVersion).ToString(), m.Groups[2].Value));
    }

    [Fact]
    public void ScanSerial_JsonTwoBauds_ListsEachServoAtEachBaud()
    {
        using var twin = StartChain(7, 3);

        var (code, output, error) = CliRunner.Run("scan", "serial", "--port", twin.PortPath, "--baud", "57600,4000000", "--json");

        Assert.True(code == 0, error);
        using var json = JsonDocument.Parse(output);
        var servos = json.RootElement.GetProperty("servos").EnumerateArray()
            .Select(s => (s.GetProperty("id").GetInt32(), s.GetProperty("model_name").GetString()!, s.GetProperty("baud_rate").GetInt32()))
            .ToArray();
        Assert.Equal(new[] { (3, "XM430-W350", 57600), (7, "XM430-W350", 57600), (3, "XM430-W350", 4000000), (7, "XM430-W350", 4000000) }, servos);
    }

    [Fact]
    public void ScanSerial_PingEach_ListsEachServoOnce()
    {
        using var twin = StartChain(4);

        var (code, output, error) = CliRunner.Run("scan", "serial", "--port", twin.PortPath, "--baud", "1000000", "--ping-each", "--timeout-ms", "10");

        Assert.True(code == 0, error);
        Assert.Single(Regex.Matches(output, @"^4 +1020 +XM430-W350 ", RegexOptions.Multiline));
    }

    [Fact]
    public void ScanSerial_ChainDisconnected_ExitsNonZeroSayingNothingAnswered()
    {
        using var twin = StartChain(1);
        twin.Disconnected = true;

        var (code, output, error) = CliRunner.Run("scan", "serial", "--port", twin.PortPath, "--baud", "1000000", "--timeout-ms", "20");

        Assert.Equal(1, code);
        Assert.Contains("0 servo(s)", output);
        Assert.Contains($"no Dynamixel Protocol 2.0 servo answered on {twin.PortPath} at 1000000 baud", error);
    }

    [Fact]
    public void ScanSerial_MissingPort_ExitsNonZeroNamingTheDevice()
    {
        var (code, _, error) = CliRunner.Run("scan", "serial", "--port", "/dev/does-not-exist-cli5", "--baud", "57600");

        Assert.Equal(1, code);
        Assert.Contains("/dev/does-not-exist-cli5", error);
    }

    [Fact]
    public void ScanNetFt_TwinWithWrench_PrintsForcesAndTorquesInSi()
    {
        var plant = new IndependentJointPlant(0, sensorCount: 1);
        plant.SetSensorWrench(0, new SensorWrench(1.5, -2.25, 10, 0.125, -0.5, 0.75));
        using var twin = NetFtTwin.StartNew(plant, new NetFtTwinOptions { Sensor = 0, Port = 0 });

        var (code, output, error) = CliRunner.Run("scan", "netft", "--host", "127.0.0.1", "--port", twin.Port.ToString());

        Assert.True(code == 0, error);
        Assert.Contains("force  N:   Fx 1.5000  Fy -2.2500  Fz 10.0000", output);
        Assert.Contains("torque N·m: Tx 0.1250  Ty -0.5000  Tz 0.7500", output);
        Assert.Contains("status 0x00000000", output);
    }

    [Fact]
    public void ScanNetFt_NobodyListening_ExitsNonZeroWithTimeoutMessage()
    {
        int port = FreeUdpPort();

        var (code, _, error) = CliRunner.Run("scan", "netft", "--host", "127.0.0.1", "--port", port.ToString(), "--timeout-ms", "200");

        Assert.Equal(1, code);
        Assert.Contains($"no RDT record from 127.0.0.1:{port} within 200 ms", error);
    }

    private static int FreeUdpPort()
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)socket.LocalEndPoint!).Port;
    }
}
