using System.Text.Json;

namespace Controller.Cli.Tests.Commands;

/// <summary>`robotctl bench can`: a fraction of a second of the 12-drive CiA 402 cycle on the virtual bus.</summary>
public sealed class BenchCanCommandTests
{
    [Fact]
    public void BenchCan_TwelveDrivesBriefly_ReportsFramesBusLoadAndNoAllocation()
    {
        string file = Path.Combine(Path.GetTempPath(), $"bench-can-{Guid.NewGuid():N}.json");
        try
        {
            var (code, output, error) = CliRunner.Run("bench", "can", "--drives", "12", "--seconds", "0.3", "--json", file);

            Assert.True(code == 0, error);
            Assert.Contains("12 drives on the virtual CAN bus", output);
            using var json = JsonDocument.Parse(File.ReadAllText(file));
            var root = json.RootElement;
            Assert.Equal("robotctl.bench.can/1", root.GetProperty("schema").GetString());
            Assert.True(root.GetProperty("cycles").GetInt64() > 0);
            // SYNC + 2 RPDOs and 2 TPDOs per drive = 49 frames, plus a heartbeat per drive every 20 cycles.
            Assert.InRange(root.GetProperty("frames_per_cycle").GetDouble(), 49.0, 50.0);
            var byFunction = root.GetProperty("frames_per_cycle_by_function");
            Assert.InRange(byFunction.GetProperty("Rpdo").GetDouble(), 23.9, 24.2);
            Assert.InRange(byFunction.GetProperty("Heartbeat").GetDouble(), 0.5, 0.7);
            Assert.True(root.GetProperty("bus_load_percent_at_1khz").GetDouble() > 100); // 12 drives do not fit 1 ms at 1 Mbit/s
            Assert.Equal(0, root.GetProperty("allocated_bytes").GetInt64());
            Assert.True(root.GetProperty("cycle_p50_us").GetDouble() > 0);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void FrameBits_EightByteStandardFrame_Is135WithWorstCaseStuffing()
    {
        var frame = Controller.Hardware.Transports.Can.CanFrame.Create(0x181, new byte[8]);
        Assert.Equal(47 + 64 + (34 + 64 - 1) / 4, Controller.Cli.Bench.CanBenchmark.FrameBits(frame));
    }
}
