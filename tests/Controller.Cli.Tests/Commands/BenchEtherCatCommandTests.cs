using System.Text.Json;
using Controller.Cli.Tests.EtherCat;

namespace Controller.Cli.Tests.Commands;

/// <summary>`robotctl bench ethercat` for a fraction of a second: the report has every key and the loop allocated nothing.</summary>
public sealed class BenchEtherCatCommandTests
{
    private static readonly string[] Keys = ["slaves", "rate_hz", "rtt_p50_us", "rtt_p99_us", "rtt_max_us", "wkc_errors", "allocated_bytes", "max_rate_hz"];

    private static JsonElement RunBench(params string[] extra)
    {
        string file = Path.Combine(Path.GetTempPath(), $"robotctl-bench-ethercat-{Guid.NewGuid():N}.json");
        try
        {
            var (code, output, error) = CliRunner.Run(["bench", "ethercat", "--seconds", "0.3", "--max-rate-seconds", "0.1", "--json", file, .. extra]);
            Assert.True(code == 0, error + output);
            Assert.Contains("max rate with no missed frame:", output);
            using var doc = JsonDocument.Parse(File.ReadAllText(file));
            return doc.RootElement.Clone();
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static void AssertReport(JsonElement report)
    {
        foreach (string key in Keys)
            Assert.True(report.TryGetProperty(key, out _), $"missing {key}");
        Assert.Equal(8, report.GetProperty("slaves").GetInt32());
        Assert.Equal(1000, report.GetProperty("rate_hz").GetDouble());
        Assert.Equal(300, report.GetProperty("cycles").GetInt64());
        Assert.Equal(0, report.GetProperty("allocated_bytes").GetInt64());
        Assert.True(report.GetProperty("rtt_p50_us").GetDouble() > 0);
        Assert.True(report.GetProperty("rtt_p50_us").GetDouble() <= report.GetProperty("rtt_p99_us").GetDouble());
        Assert.True(report.GetProperty("rtt_p99_us").GetDouble() <= report.GetProperty("rtt_max_us").GetDouble());
        Assert.NotEmpty(report.GetProperty("max_rate_steps").EnumerateArray());
    }

    [Fact]
    public void BenchEtherCat_InProcess_WritesEveryKeyAndAllocatesNothing() => AssertReport(RunBench("--in-process"));

    [VethFact]
    public void BenchEtherCat_OverVeth_WritesEveryKeyAndAllocatesNothing()
    {
        var report = RunBench();
        AssertReport(report);
        Assert.StartsWith("veth ", report.GetProperty("transport").GetString());
    }

    [Fact]
    public void BenchEtherCat_RateOutOfRange_ExitsNonZeroNamingTheRange()
    {
        var (code, _, error) = CliRunner.Run("bench", "ethercat", "--rate", "50");
        Assert.NotEqual(0, code);
        Assert.Contains("--rate must be between 100 and 100000 Hz; it is 50", error);
    }
}
