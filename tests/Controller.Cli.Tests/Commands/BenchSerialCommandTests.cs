using System.Text.Json;

namespace Controller.Cli.Tests.Commands;

/// <summary>`robotctl bench serial` for a fraction of a second: real cycles over a pty against each twin.</summary>
public sealed class BenchSerialCommandTests
{
    private static JsonElement RunJson(params string[] args)
    {
        string path = Path.Combine(Path.GetTempPath(), $"bench-serial-{Guid.NewGuid():N}.json");
        try
        {
            var (code, output, error) = CliRunner.Run([.. args, "--json", path]);
            Assert.True(code == 0, error);
            Assert.Contains("wire floor:", output);
            using var json = JsonDocument.Parse(File.ReadAllText(path));
            return json.RootElement.Clone();
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void BenchSerial_FeetechSixServos_ReportsCyclesFloorOf112BytesAndNoAllocation()
    {
        var r = RunJson("bench", "serial", "--protocol", "feetech", "--baud", "1000000", "--servos", "6", "--seconds", "0.3");

        Assert.Equal("feetech", r.GetProperty("Protocol").GetString());
        Assert.True(r.GetProperty("Cycles").GetInt64() > 10);
        Assert.Equal(112, r.GetProperty("BytesPerCycle").GetInt32());
        Assert.Equal(1120, r.GetProperty("WireFloorUs").GetDouble(), 6);
        double p50 = r.GetProperty("CycleP50Us").GetDouble();
        Assert.True(p50 > 0 && p50 <= r.GetProperty("CycleP99Us").GetDouble() && r.GetProperty("CycleP99Us").GetDouble() <= r.GetProperty("CycleMaxUs").GetDouble());
        Assert.Equal(p50 / 1120, r.GetProperty("RatioP50ToFloor").GetDouble(), 9);
        Assert.Equal(0, r.GetProperty("AllocatedBytes").GetInt64());
    }

    [Fact]
    public void BenchSerial_DynamixelAt4Mbps_FloorOf190Bytes()
    {
        var r = RunJson("bench", "serial", "--protocol", "dynamixel", "--baud", "4000000", "--seconds", "0.3");

        Assert.Equal(190, r.GetProperty("BytesPerCycle").GetInt32());
        Assert.Equal(475, r.GetProperty("WireFloorUs").GetDouble(), 6);
        Assert.Equal(0, r.GetProperty("AllocatedBytes").GetInt64());
    }

    [Fact]
    public void BenchSerial_FeetechAbove1Mbps_ExitsOneNamingTheLimit()
    {
        var (code, _, error) = CliRunner.Run("bench", "serial", "--protocol", "feetech", "--baud", "4000000", "--seconds", "0.1");

        Assert.Equal(1, code);
        Assert.Contains("above the STS3215's fastest rate", error);
    }
}
