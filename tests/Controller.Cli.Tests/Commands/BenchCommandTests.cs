using System.Text.Json;

namespace Controller.Cli.Tests.Commands;

public class BenchCommandTests
{
    private static readonly string[] RequiredKeys =
    [
        "ring_msgs_per_s", "channels_msgs_per_s", "ring_vs_channels", "ring_rtt_p50_ns", "ring_rtt_p99_ns",
        "floor_rtt_p50_ns", "ring_rtt_vs_floor", "allocated_bytes_per_op", "environment", "targets",
    ];

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("5000")]
    public void BenchPipeline_SecondsOutOfRange_IsRejectedNamingTheOption(string seconds)
    {
        var (code, _, error) = CliRunner.Run("bench", "pipeline", "--seconds", seconds);

        Assert.NotEqual(0, code);
        Assert.Contains("--seconds", error);
    }

    [Fact]
    public void BenchPipeline_ShortRun_WritesJsonWithEveryFigureAndZeroAllocation()
    {
        string json = Path.Combine(Path.GetTempPath(), $"bench-pipeline-{Guid.NewGuid():N}.json");
        try
        {
            var (code, output, error) = CliRunner.Run("bench", "pipeline", "--seconds", "0.5", "--json", json);

            Assert.True(code == 0, error);
            Assert.Contains("throughput", output);
            using var doc = JsonDocument.Parse(File.ReadAllText(json));
            var root = doc.RootElement;
            foreach (var key in RequiredKeys) Assert.True(root.TryGetProperty(key, out _), $"missing key {key}");
            Assert.Equal("robotctl.bench.pipeline/1", root.GetProperty("schema").GetString());
            Assert.True(root.GetProperty("ring_msgs_per_s").GetDouble() > 0);
            Assert.True(root.GetProperty("channels_msgs_per_s").GetDouble() > 0);
            Assert.True(root.GetProperty("ring_rtt_p50_ns").GetInt64() > 0);
            Assert.True(root.GetProperty("ring_rtt_p99_ns").GetInt64() >= root.GetProperty("ring_rtt_p50_ns").GetInt64());
            // Allocation is deterministic, unlike time: the ring's hot path must allocate nothing at all.
            Assert.Equal(0, root.GetProperty("allocated_bytes_per_op").GetDouble());
            Assert.True(root.GetProperty("targets").GetProperty("allocation_met").GetBoolean());
            // The cross-process echo peer is another robotctl process over /dev/shm: it must have answered.
            string notes = string.Join("; ", root.GetProperty("notes").EnumerateArray());
            Assert.True(root.GetProperty("ring_shm_rtt_p50_ns") is { ValueKind: JsonValueKind.Number } shm && shm.GetInt64() > 0, notes);
            // The shared rings of the cross-process probe are the creator's to delete, whatever happened.
            if (Directory.Exists("/dev/shm"))
                Assert.Empty(Directory.GetFiles("/dev/shm", $"robotctl-bench-{Environment.ProcessId}-*"));
            if (HasCompiler())
            {
                Assert.True(root.GetProperty("floor_rtt_p50_ns") is { ValueKind: JsonValueKind.Number } floor && floor.GetInt64() > 0, notes);
                Assert.True(root.GetProperty("ring_rtt_vs_floor").GetDouble() > 0);
            }
            else
            {
                Assert.Equal(JsonValueKind.Null, root.GetProperty("floor_rtt_p50_ns").ValueKind);
            }
        }
        finally
        {
            File.Delete(json);
        }
    }

    private static bool HasCompiler() =>
        new[] { "cc", "gcc", "clang" }.Any(c => (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator).Any(d => File.Exists(Path.Combine(d, c))));
}
