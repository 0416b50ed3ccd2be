using System.CommandLine;
using System.Globalization;
using System.Runtime.InteropServices;
using Controller.Runtime;
using Controller.Runtime.Configuration;

namespace Controller.Cli.Commands;

/// <summary>
/// <c>robotctl run &lt;robot.yaml&gt;</c>: the main job. Validates the configuration (every problem at once),
/// brings the robot up (for a simulated robot: plant, scene and device twins first), runs the cerebellum loop and
/// the brain until <c>--duration</c> or Ctrl+C/SIGTERM, showing what happens, then stops in a controlled way:
/// hold, disable the drives, close.
/// </summary>
public static class RunCommand
{
    /// <summary>Exit code for a bad invocation or an invalid configuration.</summary>
    public const int UsageExitCode = 2;

    /// <summary>Exit code when the robot could not be brought up (a device missing, a port refused).</summary>
    public const int BringUpFailedExitCode = 3;

    /// <summary>What <c>--brain</c> says in the help: the default and why (see src/Controller.Runtime/Brain/README.md).</summary>
    internal const string BrainPlacementHelp = "Where the brain runs: in-process (default: a thread of this process) or out-of-process (`robotctl brain serve` " +
        "started as a child, restarted if it dies; its crashes, allocations and GC pauses cannot reach the loop). `robotctl bench brain` measured no difference " +
        "in the loop's p99 lateness between the two on the development machine, so the default is the simpler one; see src/Controller.Runtime/Brain/README.md.";

    /// <summary>Builds the <c>run</c> command.</summary>
    public static Command Create()
    {
        var config = new Argument<FileInfo>("robot.yaml") { Description = "The robot's hardware configuration, e.g. hardware/sim-arm6/robot.yaml." };
        var task = new Option<string?>("--task") { Description = "Instruction for the brain, e.g. \"put the red cube in the bin\"." };
        var model = new Option<FileInfo?>("--model") { Description = "Model manifest replacing the configured planner/policy." };
        var duration = new Option<double?>("--duration") { Description = "Stop after this many seconds." };
        var noUi = new Option<bool>("--no-ui") { Description = "Plain status lines instead of the live view." };
        var record = new Option<FileInfo?>("--record") { Description = "Record the run into this episode file (robotctl replay/report/export read it)." };
        var brainAttach = new Option<string?>("--brain-attach") { Description = "Run the brain out of process and wait for `robotctl brain serve --attach NAME` started by hand (no child is started)." };
        var placement = new Option<Controller.Runtime.Brain.BrainPlacement>("--brain")
        {
            Description = BrainPlacementHelp,
            DefaultValueFactory = _ => new RuntimeOptions().BrainPlacement,
            CustomParser = r => ParsePlacement(r),
        };
        var command = new Command("run", "Bring the robot up, run the brain and the cerebellum, and stop safely on Ctrl+C.")
        {
            config, task, model, duration, noUi, record, placement, brainAttach,
        };
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            var file = parse.GetValue(config)!;
            if (!file.Exists)
            {
                error.WriteLine($"robotctl run: configuration file '{file.FullName}' does not exist. Shipped robots are under hardware/ (e.g. hardware/sim-arm6/robot.yaml).");
                return UsageExitCode;
            }

            RobotConfig robot;
            try
            {
                robot = RobotConfigLoader.Load(file.FullName);
            }
            catch (ConfigException e)
            {
                error.WriteLine($"robotctl run: {e.Message}");
                return UsageExitCode;
            }

            double? seconds = parse.GetValue(duration);
            if (seconds is <= 0)
            {
                error.WriteLine($"robotctl run: --duration must be > 0 seconds; it is {seconds}.");
                return UsageExitCode;
            }

            FileInfo? modelFile = parse.GetValue(model);
            if (modelFile is { Exists: false })
            {
                error.WriteLine($"robotctl run: --model manifest '{modelFile.FullName}' does not exist. Shipped models are under models/ (e.g. models/demo-policy.yaml).");
                return UsageExitCode;
            }

            // --brain-attach: out of process with a brain started by hand; out of process otherwise: run starts its own.
            string? attach = parse.GetValue(brainAttach);
            var where = attach is null ? parse.GetValue(placement) : Controller.Runtime.Brain.BrainPlacement.OutOfProcess;
            return Run(robot, new RuntimeOptions { Task = parse.GetValue(task), Model = modelFile?.FullName, Recording = RunRecording.For(robot, parse.GetValue(record)),
                BrainPlacement = where, BrainAttachName = attach ?? $"run-{Environment.ProcessId}" }, startBrain: attach is null, seconds, parse.GetValue(noUi), output, error);
        });
        return command;
    }

    private static Controller.Runtime.Brain.BrainPlacement ParsePlacement(System.CommandLine.Parsing.ArgumentResult result)
    {
        string text = result.Tokens.Count == 0 ? "" : result.Tokens[0].Value;
        switch (text)
        {
            case "in-process": return Controller.Runtime.Brain.BrainPlacement.InProcess;
            case "out-of-process": return Controller.Runtime.Brain.BrainPlacement.OutOfProcess;
            default:
                result.AddError($"--brain must be in-process or out-of-process; it is '{text}'.");
                return default;
        }
    }

    private static int Run(RobotConfig config, RuntimeOptions options, bool startBrain, double? seconds, bool plain, TextWriter output, TextWriter error)
    {
        RobotRuntime runtime;
        try
        {
            runtime = RobotRuntime.Build(config, options);
            runtime.Start();
        }
        catch (Exception e) when (e is IOException or InvalidOperationException or ArgumentException or TimeoutException or UnauthorizedAccessException
                                       or Controller.Brain.Manifests.ManifestException or ConfigException)
        {
            error.WriteLine($"robotctl run: {config.Name} could not be brought up: {e.Message}");
            return BringUpFailedExitCode;
        }

        using var stop = new ManualResetEventSlim();
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, c => { c.Cancel = true; stop.Set(); });
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c => { c.Cancel = true; stop.Set(); });
        output.WriteLine($"robotctl run: {config.Name} up ({(config.IsSimulated ? "simulated: plant, scene and twins running" : "hardware")}); " +
                         $"loop {config.Loop.RateHz.ToString(CultureInfo.InvariantCulture)} Hz; buses {string.Join(", ", runtime.Buses.Select(b => $"{b.Name} ({b.JointCount} joints)"))}. Ctrl+C stops.");
        BusLoadLines.Write(config, output);
        output.WriteLine($"  pacing: {runtime.Pacing}{(config.Safety.EmergencyStop is { } estop ? $"; e-stop: {estop.Type} line {estop.Line}" : "; no e-stop line")}");
        Thread.Sleep(50);
        if (runtime.RealtimeReport is { } report)
        {
            foreach (var item in report.Items)
            {
                output.WriteLine($"  real-time: {item.Describe()}");
            }
        }

        BrainChildProcess? brainChild = null;
        if (runtime.Brain is { } brain)
        {
            output.WriteLine($"  brain: planner + policy loaded (ONNX Runtime), task \"{brain.Instruction}\"; planner {brain.PlannerManifest}, policy {brain.PolicyManifest}");
        }
        else if (runtime.BrainLink is not null && startBrain)
        {
            brainChild = BrainChildProcess.Start(options.BrainAttachName, runtime.Config.File, options.Model, error);
            output.WriteLine($"  brain: out of process: `robotctl brain serve --attach {options.BrainAttachName}` started (pid {brainChild.ProcessId}), restarted if it dies; the robot holds until its chunks come");
        }
        else if (runtime.BrainLink is not null)
        {
            output.WriteLine($"  brain: out of process; waiting for `robotctl brain serve --attach {options.BrainAttachName} --config {runtime.Config.File}` (the robot holds until its chunks come)");
        }

        DateTime end = seconds is double s ? DateTime.UtcNow.AddSeconds(s) : DateTime.MaxValue;
        bool Finished() => stop.IsSet || DateTime.UtcNow >= end
            || (seconds is null && runtime.BrainTaskOver); // task over (in or out of process): stop by itself

        if (!plain && output == Console.Out && !Console.IsOutputRedirected)
        {
            RunLiveView.Run(runtime.Status, Finished);
        }
        else
        {
            var view = new RunStatusView(output);
            while (!Finished())
            {
                stop.Wait(TimeSpan.FromMilliseconds(1000));
                view.Show(runtime.Status());
                if (runtime.Scene is { } sc)
                {
                    double[] t = sc.ToolPosition;
                    output.WriteLine(FormattableString.Invariant($"         tool at ({t[0]:F3}, {t[1]:F3}, {t[2]:F3}) m, gripper {runtime.Status().Joints[^1].PositionRad:F2} rad"));
                }
            }
        }

        RuntimeStatus last = runtime.Status();
        string events = string.Join(", ", Enum.GetValues<Controller.Pipeline.Messages.SafetyEventKind>()
            .Where(k => runtime.Safety.EventCount(k) > 0).Select(k => $"{k} {runtime.Safety.EventCount(k)}"));
        output.WriteLine($"safety events: {(events.Length == 0 ? "none" : events)}; garbage collections in the process: {GC.CollectionCount(0)} (gen0), {GC.CollectionCount(2)} (gen2)");
        if (runtime.Scene is { } scene)
        {
            string closedAt = scene.LastCloseToolPosition is { } p ? FormattableString.Invariant($"jaws last closed with the tool at ({p[0]:F3}, {p[1]:F3}, {p[2]:F3}); ") : "";
            output.WriteLine(FormattableString.Invariant($"scene: {scene.Grasps} grasps, {scene.Releases} releases; {closedAt}") + string.Join("; ", scene.Objects.Where(o => o.Movable)
                .Select(o => FormattableString.Invariant($"{o.Name} at ({o.Center[0]:F3}, {o.Center[1]:F3}, {o.Center[2]:F3}){(o.Held ? " held" : "")}"))));
        }

        output.WriteLine("robotctl run: stopping (hold, disable drives, close)…");
        brainChild?.Dispose(); // the brain first, as in process: the follower holds its last point while the drives are on
        runtime.Stop();
        RunRecording.Report(runtime.Recorder, output);
        new RunStatusView(output).Summary(last);
        return 0;
    }
}
