using System.Text.Json;

namespace Controller.Cli.Tests.Commands;

public class BenchLoopCommandTests
{
    private static readonly string[] RequiredKeys =
    [
        "rate_hz", "lateness_p50_us", "lateness_p99_us", "lateness_max_us", "compute_p99_us", "overruns",
        "gc_count", "cyclictest_p99_us", "lateness_vs_cyclictest", "realtime", "environment",
    ];

    [Theory]
    [InlineData("--rate", "100", "--rate")]
    [InlineData("--rate", "5000", "--rate")]
    [InlineData("--seconds", "0", "--seconds")]
    [InlineData("--priority", "100", "--priority")]
    [InlineData("--cpu", "4096", "--cpu")]
    [InlineData("--spin-us", "-1", "--spin-us")]
    public void BenchLoop_OptionOutOfRange_IsRejectedNamingTheOption(string option, string value, string named)
    {
        var (code, _, error) = CliRunner.Run("bench", "loop", option, value);

        Assert.NotEqual(0, code);
        Assert.Contains(named, error);
    }

    [Fact]
    public void BenchLoop_OneSecond_WritesEveryFigureCountsEveryCycleAndCollectsNoGarbage()
    {
        string json = Path.Combine(Path.GetTempPath(), $"bench-loop-{Guid.NewGuid():N}.json");
        try
        {
            var (code, output, error) = CliRunner.Run("bench", "loop", "--seconds", "1", "--rate", "1000", "--json", json);

            Assert.True(code == 0, error);
            Assert.Contains("p99 vs cyclictest", output);
            using var doc = JsonDocument.Parse(File.ReadAllText(json));
            var root = doc.RootElement;
            foreach (var key in RequiredKeys) Assert.True(root.TryGetProperty(key, out _), $"missing key {key}");
            Assert.Equal(1000, root.GetProperty("rate_hz").GetDouble());
            // Every cycle of the measured second is accounted for (warm-up excluded).
            Assert.Equal(1000, root.GetProperty("cycles").GetInt64());
            Assert.True(root.GetProperty("lateness_p99_us").GetDouble() >= root.GetProperty("lateness_p50_us").GetDouble());
            Assert.True(root.GetProperty("lateness_max_us").GetDouble() >= root.GetProperty("lateness_p99_us").GetDouble());
            // The idle loop allocates nothing, so nothing in this process should collect during the run.
            Assert.Equal(0, root.GetProperty("gc_count").GetInt32());
            Assert.NotEmpty(root.GetProperty("realtime").EnumerateArray());
            if (File.Exists("/usr/bin/cyclictest"))
            {
                string notes = string.Join("; ", root.GetProperty("notes").EnumerateArray());
                Assert.True(root.GetProperty("cyclictest_p99_us").ValueKind == JsonValueKind.Number, notes);
                Assert.True(root.GetProperty("lateness_vs_cyclictest").GetDouble() > 0, notes);
            }
            else
            {
                Assert.Contains(root.GetProperty("notes").EnumerateArray(), n => n.GetString()!.Contains("rt-tests"));
            }
        }
        finally
        {
            File.Delete(json);
        }
    }
}
