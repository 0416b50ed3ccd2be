using System.Text.Json;
using System.Text.RegularExpressions;

namespace Controller.Cli.Tests.Commands;

/// <summary>
/// Doctor runs on whatever machine runs the tests: assertions hold whether SCHED_FIFO is granted or refused.
/// Its trial thread ends before the command returns, so no test-runner thread is changed.
/// </summary>
public sealed class DoctorCommandTests
{
    private static readonly string[] PreemptionNames = ["PREEMPT_RT", "PREEMPT_DYNAMIC", "PREEMPT_LAZY", "PREEMPT", "none/voluntary", "unknown"];

    [Fact]
    public void Doctor_NoOptions_TableNamesThePreemptionModelAndTrialHasSchedFifoLine()
    {
        var (code, output, _) = CliRunner.Run("doctor");

        Assert.Equal(0, code);
        string[] lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToArray();
        string kernel = Assert.Single(lines, l => l.StartsWith("kernel preemption", StringComparison.Ordinal));
        Assert.Contains(PreemptionNames, kernel.Contains);
        Assert.Contains(lines, l => l.StartsWith("CHECK", StringComparison.Ordinal) && l.Contains("STATUS") && l.Contains("ADVICE"));
        Assert.Contains(lines, l => Regex.IsMatch(l, @"^  SCHED_FIFO 80: (granted|refused \(E[A-Z]+\) — fix: .+)$"));
        Assert.Matches(@"^\d+ problems, \d+ warnings; hardware: ok with \d+ advisories", lines[^1]);
    }

    [Fact]
    public void Doctor_Table_HasALinePerCheckWithAStatus()
    {
        var (_, output, _) = CliRunner.Run("doctor");

        foreach (string check in new[] { "kernel preemption", "RT throttling", "privileges", "RLIMIT_RTPRIO", "RLIMIT_MEMLOCK", "isolated CPUs", "nohz_full", "CPU governor", ".NET GC" })
        {
            Assert.Matches(new Regex($@"^{Regex.Escape(check)} +(ok|WARNING|PROBLEM) ", RegexOptions.Multiline), output);
        }
    }

    [Fact]
    public void Doctor_Json_WritesFindingsWithSnakeCaseKeys()
    {
        string path = Path.Combine(Path.GetTempPath(), $"doctor-{Guid.NewGuid():N}.json");
        try
        {
            var (code, output, _) = CliRunner.Run("doctor", "--json", path);

            Assert.Equal(0, code);
            Assert.Contains($"findings written to {path}", output);
            using var json = JsonDocument.Parse(File.ReadAllText(path));
            var root = json.RootElement;
            foreach (string key in new[] { "capabilities", "trial", "problems", "warnings" }) Assert.True(root.TryGetProperty(key, out _), key);
            var facts = root.GetProperty("capabilities").GetProperty("facts");
            foreach (string key in new[] { "preemption_model", "is_root", "cap_sys_nice", "cap_ipc_lock", "rlimit_rtprio", "rlimit_memlock_bytes",
                                           "isolated_cpus", "nohz_full_cpus", "cpu_governors", "sched_rt_runtime_us", "server_gc", "gc_latency_mode" })
            {
                Assert.True(facts.TryGetProperty(key, out _), key);
            }
            var items = root.GetProperty("capabilities").GetProperty("items").EnumerateArray().ToArray();
            Assert.Contains(items, i => i.GetProperty("name").GetString() == "kernel preemption");
            Assert.All(items, i => Assert.Contains(i.GetProperty("status").GetString(), new[] { "ok", "warning", "problem" }));
            var trial = root.GetProperty("trial");
            var fifo = Assert.Single(trial.GetProperty("items").EnumerateArray(), i => i.GetProperty("name").GetString() == "SCHED_FIFO");
            Assert.Equal("80", fifo.GetProperty("requested").GetString());
            Assert.Equal(fifo.GetProperty("granted").GetBoolean(), fifo.GetProperty("errno").ValueKind == JsonValueKind.Null);
            Assert.True(trial.TryGetProperty("all_granted", out _));
            Assert.Contains($"{root.GetProperty("problems").GetInt32()} problems, {root.GetProperty("warnings").GetInt32()} warnings; hardware: ok with ", output);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Doctor_PriorityAndNoPinning_TrialAsksForThoseOnly()
    {
        var (code, output, _) = CliRunner.Run("doctor", "--priority", "10", "--cpu", "-1");

        Assert.Equal(0, code);
        Assert.Contains("  SCHED_FIFO 10: ", output);
        Assert.DoesNotContain("  CPU affinity", output);
        Assert.DoesNotContain("  mlockall", output);
    }

    [Fact]
    public void Doctor_CpuBeyondTheMachine_TrialRefusedWithTheCpuRangeAndStillExitsZero()
    {
        if (!OperatingSystem.IsLinux() || Environment.ProcessorCount > 1023) return;

        var (code, output, _) = CliRunner.Run("doctor", "--cpu", "1023");

        Assert.Equal(0, code);
        Assert.Contains($"  CPU affinity cpu 1023: refused (EINVAL) — fix: CPU 1023 is not available to this process: run with --cpu within 0..{Environment.ProcessorCount - 1}", output);
    }

    [Fact]
    public void Doctor_TryMlock_TrialIncludesMlockallAndLeavesNothingLocked()
    {
        var (code, output, _) = CliRunner.Run("doctor", "--try-mlock", "--cpu", "-1");

        Assert.Equal(0, code);
        Assert.Matches(new Regex(@"^  mlockall MCL_CURRENT\|MCL_FUTURE: (granted|refused)", RegexOptions.Multiline), output);
        if (File.Exists("/proc/self/status"))
        {
            string vmLck = File.ReadLines("/proc/self/status").First(l => l.StartsWith("VmLck:", StringComparison.Ordinal));
            Assert.Equal("0 kB", vmLck["VmLck:".Length..].Trim());
        }
    }

    [Theory]
    [InlineData("--priority", "0")]
    [InlineData("--priority", "100")]
    [InlineData("--cpu", "-2")]
    public void Doctor_InvalidOption_ExitsNonZeroNamingTheOption(string option, string value)
    {
        var (code, _, error) = CliRunner.Run("doctor", option, value);

        Assert.NotEqual(0, code);
        Assert.Contains(option, error);
    }
}
