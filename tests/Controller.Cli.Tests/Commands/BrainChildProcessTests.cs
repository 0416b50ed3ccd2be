using System.Diagnostics;
using Controller.Cli.Commands;
using Controller.Runtime;
using Controller.Runtime.Brain;
using Controller.Runtime.Configuration;

namespace Controller.Cli.Tests.Commands;

public sealed class BrainChildProcessTests
{
    [Fact]
    public void Start_ChildKilled_StartedAgainAndTheRuntimeCountsTheLossAndTheReattach()
    {
        string name = $"child-{Environment.ProcessId}-{Guid.NewGuid():N}"[..22];
        string config = Repo("hardware/sim-arm6/robot.yaml");
        using var runtime = RobotRuntime.Build(RobotConfigLoader.Load(config), new RuntimeOptions
        {
            RealtimeSetup = false,
            BrainPlacement = BrainPlacement.OutOfProcess,
            BrainAttachName = name,
            HoldBeforeDisable = TimeSpan.Zero,
        });
        runtime.Start();
        var error = new SynchronizedWriter();
        BrainChildProcess? child = null;
        try
        {
            child = BrainChildProcess.Start(name, config, null, error);
            WaitFor(() => runtime.Status().ChunksReceived >= 3 && runtime.Status().BrainSkill is not null, "chunks and a skill from the first child", error);
            int first = child.ProcessId;

            Process.GetProcessById(first).Kill(); // SIGKILL, as a crash would
            WaitFor(() => runtime.Status() is { BrainProcessLosses: 1, BrainProcessAttaches: 2 }, "the loss counted and the restarted child attached", error);

            Assert.Equal(2, child.Starts);
            Assert.NotEqual(first, child.ProcessId);
            Assert.Contains($"the brain process (pid {first}) exited", error.ToString());
            Assert.Contains("out of process: attached 2, lost 1", RunStatusView.Placement(runtime.Status()));
        }
        finally
        {
            child?.Dispose();
            runtime.Stop();
        }
    }

    // Generous: the limit only turns a hang into a failure message; nothing here is a timing assertion.
    private static void WaitFor(Func<bool> condition, string what, SynchronizedWriter log)
    {
        var watch = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(90), $"no {what} within 90 s; run's error output:\n{log}");
            Thread.Sleep(20);
        }
    }

    private static string Repo(string relative)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !Directory.Exists(Path.Combine(dir.FullName, "hardware", "sim-arm6")))
        {
            dir = dir.Parent;
        }

        return Path.Combine(dir!.FullName, relative);
    }

    // The child's watcher writes from its own thread while the test reads.
    private sealed class SynchronizedWriter : StringWriter
    {
        public override void WriteLine(string? value)
        {
            lock (this) base.WriteLine(value);
        }

        public override string ToString()
        {
            lock (this) return base.ToString();
        }
    }
}
