using System.Text.Json;
using System.Text.RegularExpressions;
using Controller.Hardware.Protocols.Feetech;
using Controller.Hardware.Simulation;
using Controller.Hardware.Simulation.Feetech;

namespace Controller.Cli.Tests.Commands;

/// <summary>`robotctl sim feetech` and `robotctl scan serial --protocol feetech` against a real twin on a pty.</summary>
public sealed class FeetechCliTests
{
    private static FeetechChainTwin StartChain(params byte[] ids)
    {
        var plant = new IndependentJointPlant(ids.Length);
        return FeetechChainTwin.StartOnNewPseudoTerminal(plant, ids.Select((id, joint) => new FeetechTwinServo(id, joint)).ToArray(), new FeetechTwinOptions { StepPlant = plant.Step });
    }

    [Fact]
    public void SimFeetech_HalfSecond_PrintsListeningOnPtsAndTheIds()
    {
        var (code, output, error) = CliRunner.Run("sim", "feetech", "--ids", "1,2,3", "--seconds", "0.5");

        Assert.True(code == 0, error);
        Assert.Matches(@"^listening on /dev/pts/\d+\r?\n", output);
        Assert.Contains("STS3215 (model 777) ids 1,2,3", output);
        Assert.Contains("stopped (0.5 s elapsed)", output);
    }

    [Fact]
    public void SimFeetech_IdOutOfRange_ExitsNonZeroNamingTheAllowedRange()
    {
        var (code, _, error) = CliRunner.Run("sim", "feetech", "--ids", "1,254", "--seconds", "0.5");

        Assert.NotEqual(0, code);
        Assert.Contains("--ids: 254 is not a device ID; allowed 0..253", error);
    }

    [Fact]
    public void SimFeetech_CalibrationFile_TakesTheIdsFromIt()
    {
        string path = Path.Combine(Path.GetTempPath(), $"so101-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, """{ "pan": { "id": 11, "drive_mode": 0, "homing_offset": 100, "range_min": 1000, "range_max": 3000 }, "lift": { "id": 12, "drive_mode": 0, "homing_offset": 0, "range_min": 0, "range_max": 4095 } }""");
        try
        {
            var (code, output, error) = CliRunner.Run("sim", "feetech", "--calibration", path, "--seconds", "0.3");
            Assert.True(code == 0, error);
            Assert.Contains("ids 11,12", output);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void ScanSerialFeetech_ChainWithIds125_ListsExactlyThoseIdsAsSts3215()
    {
        using var twin = StartChain(1, 2, 5);

        var (code, output, error) = CliRunner.Run("scan", "serial", "--port", twin.PortPath, "--protocol", "feetech", "--baud", "1000000");

        Assert.True(code == 0, error);
        Assert.Contains($"{twin.PortPath} at 1000000 baud: 3 servo(s)", output);
        var rows = Regex.Matches(output, @"^(\d+) +777 +STS3215 +3 +1000000 +-$", RegexOptions.Multiline);
        Assert.Equal(new[] { "1", "2", "5" }, rows.Select(m => m.Groups[1].Value));
    }

    [Fact]
    public void ScanSerialFeetech_JsonWithAnErrorBit_ReportsIt()
    {
        using var twin = StartChain(7);
        twin.SetErrorBits(7, FeetechStatusErrors.Overheat);

        var (code, output, error) = CliRunner.Run("scan", "serial", "--port", twin.PortPath, "--protocol", "feetech", "--baud", "1000000", "--json");

        Assert.True(code == 0, error);
        using var json = JsonDocument.Parse(output);
        Assert.Equal("feetech-sts", json.RootElement.GetProperty("protocol").GetString());
        var servo = Assert.Single(json.RootElement.GetProperty("servos").EnumerateArray());
        Assert.Equal(7, servo.GetProperty("id").GetInt32());
        Assert.True(servo.GetProperty("hardware_alert").GetBoolean());
    }

    [Fact]
    public void ScanSerialFeetech_NobodyAnswers_ExitsOneSayingSo()
    {
        using var twin = StartChain(3);
        twin.Disconnected = true;

        var (code, _, error) = CliRunner.Run("scan", "serial", "--port", twin.PortPath, "--protocol", "feetech", "--baud", "1000000", "--timeout-ms", "20");

        Assert.Equal(1, code);
        Assert.Contains("no Feetech STS/SCS servo answered", error);
    }
}
