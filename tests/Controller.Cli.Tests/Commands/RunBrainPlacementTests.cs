using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Controller.Cerebellum.Safety;
using Controller.Cli.Commands;
using Controller.Hardware.Devices;
using Controller.Runtime;
using Controller.Runtime.Brain;
using Spectre.Console;

namespace Controller.Cli.Tests.Commands;

public sealed class RunBrainPlacementTests
{
    private static readonly RuntimeStatus OutOfProcess = new RuntimeStatus(
        3.2, 3200, 998, 12, 85, 900, 4.5, 7, SafetyState.Normal, false,
        [("arm", DeviceState.Active, 0)],
        [("shoulder_pan", 0.1234, 0.125, 0.5)],
        null, 40, 3200, "descend", null, false)
    {
        BrainPlacement = BrainPlacement.OutOfProcess,
        BrainProcessAttaches = 2,
        BrainProcessLosses = 1,
        PolicyHz = 9.8,
    };

    [Fact]
    public void StatusLineAndSummary_OutOfProcess_ShowPlacementAttachesAndLosses()
    {
        var writer = new StringWriter();
        var view = new RunStatusView(writer);

        view.Show(OutOfProcess);
        view.Summary(OutOfProcess);
        view.Show(OutOfProcess with { BrainPlacement = BrainPlacement.InProcess, BrainProcessAttaches = 0, BrainProcessLosses = 0 });
        string[] lines = writer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Contains("brain (out of process: attached 2, lost 1) descend chunks 40 policy 9.8 Hz", lines[0]);
        Assert.Contains("brain out of process: attached 2, lost 1", lines[1]);
        Assert.Contains("brain (in process) descend", lines[2]);
    }

    [Fact]
    public void LiveView_OutOfProcess_ShowsPlacementAttachesAndLosses()
    {
        var writer = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(writer), Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors });
        console.Profile.Width = 160;

        console.Write(RunLiveView.Build(OutOfProcess));

        Assert.Contains("out of process: attached 2, lost 1 · planner 0.0 Hz · policy 9.8 Hz", writer.ToString());
    }

    [Fact]
    public async Task Run_BrainOutOfProcess_ItsChildCompletesTheTaskAndTheRunEndsByItselfWithSuccess()
    {
        // The whole main job with one command and the brain in a real `robotctl brain serve` child that run starts: its
        // status (skill, done) comes back over shared memory, and run without --duration stops by itself once the task
        // is over, as in process, and stops its child.
        var run = Task.Run(() => CliRunner.Run("run", Repo("hardware/sim-arm6/robot.yaml"), "--brain", "out-of-process", "--no-ui"));

        // Generous: the limit only turns a hang into a failure message; nothing here is a timing assertion.
        var finished = await Task.WhenAny(run, Task.Delay(TimeSpan.FromSeconds(240)));
        Assert.True(finished == run, "run did not end by itself");
        var (code, output, error) = await run;

        Assert.True(code == 0, error + output);
        Match started = Regex.Match(output, @"brain: out of process: `robotctl brain serve --attach run-\d+` started \(pid (\d+)\)");
        Assert.True(started.Success, output);
        Assert.Contains("task succeeded", output);
        Assert.Matches(@"\| brain \(out of process: attached 1, lost 0\) \w+", output);
        Assert.DoesNotContain("exited with", error); // never restarted: the first child drove the task
        Assert.Throws<ArgumentException>(() => Process.GetProcessById(int.Parse(started.Groups[1].Value, CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void Run_UnknownPlacement_IsAParseErrorNamingTheChoices()
    {
        var (code, _, error) = CliRunner.Run("run", Repo("hardware/sim-arm6/robot.yaml"), "--brain", "cloud", "--duration", "1");

        Assert.NotEqual(0, code);
        Assert.Contains("--brain must be in-process or out-of-process; it is 'cloud'", error);
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
}
