using System.Text.Json;

namespace Controller.Cli.Tests.Commands;

public class BenchLoopHumanoidCommandTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void BenchLoop_HumanoidBody_ReportsTheG1CycleWithoutAllocatingOrCollecting(bool observer)
    {
        string json = Path.Combine(Path.GetTempPath(), $"bench-loop-humanoid-{Guid.NewGuid():N}.json");
        try
        {
            string[] args = ["bench", "loop", "--body", "humanoid", "--seconds", "0.4", "--rate", "500", "--priority", "0", "--cpu", "-1", "--json", json];
            var (code, output, error) = CliRunner.Run(observer ? [.. args, "--observer"] : args);

            Assert.True(code == 0, error);
            Assert.Contains("body: humanoid, 43 joints", output);
            using var doc = JsonDocument.Parse(File.ReadAllText(json));
            var root = doc.RootElement;
            foreach (var key in new[] { "body", "observer", "joints", "rate_hz", "compute_p99_us", "lateness_p99_us", "overruns", "gc_count", "loop_allocated_bytes", "cyclictest_p99_us", "lateness_vs_cyclictest",
                "control_step_p99_us", "control_step_target_met", "bus_io_p99_us", "bus_read_p99_us", "bus_write_p99_us", "bus_faults", "plant_steps", "robot_config" })
                Assert.True(root.TryGetProperty(key, out _), $"missing key {key}");
            Assert.Equal("humanoid", root.GetProperty("body").GetString());
            Assert.Equal(observer, root.GetProperty("observer").GetBoolean());
            // The shipped G1: 29 body DoF and two 7-joint hands on five buses, each through its real driver and twin.
            Assert.Equal(43, root.GetProperty("joints").GetInt32());
            Assert.EndsWith(Path.Combine("g1-29dof", "robot.yaml"), root.GetProperty("robot_config").GetString());
            Assert.Equal(200, root.GetProperty("cycles").GetInt64());
            // The cycle did real work: a G1 RNEA per cycle cannot take less than a few hundred nanoseconds, and the
            // physics ran beside the loop while the buses exchanged frames with the twins.
            Assert.True(root.GetProperty("control_step_p99_us").GetDouble() > 0.2, output);
            // On-CPU time of the same step: real work, never more than its wall time (plus the clock's own syscall).
            double cpuP99 = root.GetProperty("control_step_cpu_p99_us").GetDouble();
            Assert.InRange(cpuP99, 0.2, root.GetProperty("control_step_max_us").GetDouble() + 50);
            Assert.True(root.GetProperty("bus_io_p99_us").GetDouble() > 0, output);
            Assert.True(root.GetProperty("plant_steps").GetInt64() > 0, output);
            Assert.Equal(0, root.GetProperty("loop_allocated_bytes").GetInt64());
            Assert.Equal(0, root.GetProperty("gc_count").GetInt32());
            // The supervisor stayed on its Normal path (otherwise a note says which state it ended in).
            Assert.DoesNotContain(root.GetProperty("notes").EnumerateArray(), n => n.GetString()!.Contains("safety supervisor ended"));
        }
        finally
        {
            File.Delete(json);
        }
    }

    [Fact]
    public void BenchLoop_UnknownBody_IsRejectedNamingTheOption()
    {
        var (code, _, error) = CliRunner.Run("bench", "loop", "--body", "quadruped");

        Assert.NotEqual(0, code);
        Assert.Contains("quadruped", error);
    }
}
