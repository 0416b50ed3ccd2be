using System.Diagnostics;
using System.Text;
using Controller.Runtime;
using Controller.Runtime.Brain;
using Controller.Runtime.Configuration;

namespace Controller.Cli.Tests.Commands;

public sealed class BrainServeCommandTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    private static string Repo(string relative)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !Directory.Exists(Path.Combine(dir.FullName, "hardware", "sim-arm6")))
        {
            dir = dir.Parent;
        }

        return Path.Combine(dir!.FullName, relative);
    }

    [Fact]
    public void Serve_KilledThenServedAgain_RobotHoldsLossIsCountedChunksResume()
    {
        string name = $"test-{Environment.ProcessId}-{Guid.NewGuid():N}"[..24];
        string config = Repo("hardware/sim-arm6/robot.yaml");
        using var runtime = RobotRuntime.Build(RobotConfigLoader.Load(config), new RuntimeOptions
        {
            RealtimeSetup = false,
            BrainPlacement = BrainPlacement.OutOfProcess,
            BrainAttachName = name,
            HoldBeforeDisable = TimeSpan.Zero,
        });
        Assert.Throws<InvalidOperationException>(() => runtime.ChunkProducer);
        runtime.Start();
        Process? brain = null;
        var log = new StringBuilder();
        try
        {
            brain = Serve(name, config, log);
            WaitFor(() => runtime.Status().ChunksReceived >= 3 && !runtime.Safety.BrainSilent, "chunks from the first brain process", log);
            Assert.Equal(1, runtime.BrainLink!.Attaches);
            Assert.Equal(0, runtime.Status().BrainProcessLosses);

            brain.Kill(); // SIGKILL: no detach, no goodbye
            brain.WaitForExit();
            WaitFor(() => runtime.Status().BrainProcessLosses == 1 && runtime.Safety.BrainSilent, "the loss counted and the robot held", log);
            long chunksWhileHeld = runtime.Status().ChunksReceived;
            Thread.Sleep(100);
            Assert.Equal(chunksWhileHeld, runtime.Status().ChunksReceived);
            Assert.True(runtime.Safety.BrainSilent);

            brain = Serve(name, config, log);
            WaitFor(() => runtime.Status().ChunksReceived > chunksWhileHeld && !runtime.Safety.BrainSilent, "chunks from the second brain process", log);
            Assert.Equal(2, runtime.BrainLink.Attaches);
            Assert.Equal(1, runtime.Status().BrainProcessLosses);
            Assert.True(runtime.Status().Cycles > 0);
        }
        finally
        {
            if (brain is { HasExited: false })
            {
                brain.Kill();
                brain.WaitForExit();
            }

            brain?.Dispose();
            runtime.Stop();
        }
    }

    [Fact]
    public void Serve_NoRuntimeAttached_IsAUsageErrorNamingTheFile()
    {
        var (code, _, error) = CliRunner.Run("brain", "serve", "--attach", $"absent-{Guid.NewGuid():N}"[..20], "--config", Repo("hardware/sim-arm6/robot.yaml"), "--wait", "0.1");

        Assert.Equal(2, code);
        Assert.Contains("/dev/shm/robotctl-brain-absent-", error);
    }

    private static Process Serve(string name, string config, StringBuilder log)
    {
        ProcessStartInfo info = SelfInvocation.Create("brain", "serve", "--attach", name, "--config", config);
        info.RedirectStandardOutput = true;
        info.RedirectStandardError = true;
        var process = Process.Start(info)!;
        process.OutputDataReceived += (_, e) => { lock (log) log.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { lock (log) log.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    // Generous: the limit only turns a hang into a failure message; nothing here is a timing assertion.
    private static void WaitFor(Func<bool> condition, string what, StringBuilder log)
    {
        var watch = Stopwatch.StartNew();
        while (!condition())
        {
            if (watch.Elapsed > Patience)
            {
                lock (log) Assert.Fail($"no {what} within {Patience.TotalSeconds} s; brain output:\n{log}");
            }

            Thread.Sleep(20);
        }
    }
}
