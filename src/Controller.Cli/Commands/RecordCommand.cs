using System.CommandLine;
using System.Globalization;
using System.Runtime.InteropServices;
using Controller.Robotics.Spatial;
using Controller.Runtime;
using Controller.Runtime.Configuration;
using Controller.Runtime.Recording;
using Controller.Runtime.Simulation;

namespace Controller.Cli.Commands;

/// <summary>
/// <c>robotctl record &lt;robot.yaml&gt; --out FILE</c>: records a demonstration as an episode file (the one
/// <c>replay</c>, <c>report</c> and <c>export lerobot</c> read). <c>--mode policy</c> records the brain's policy running,
/// as <c>run --record</c>. <c>--mode guide</c> records hand guiding: the loop runs the admittance controller (the arm
/// yields to the wrist force/torque sensor) and no brain; on a simulated robot a simulated operator pulls the tool along
/// <c>--guide-path</c> (default: lift, over the bin, lower) through the plant, on real hardware a person does. Stops at
/// <c>--duration</c> or Ctrl+C/SIGTERM, then stops the robot in a controlled way; the header says the mode.
/// </summary>
public static class RecordCommand
{
    /// <summary>Builds the <c>record</c> command.</summary>
    public static Command Create()
    {
        var config = new Argument<FileInfo>("robot.yaml") { Description = "The robot's hardware configuration, e.g. hardware/sim-arm6/robot.yaml." };
        var output = new Option<FileInfo>("--out") { Description = "The episode file to write (replaced if it exists).", Required = true };
        var mode = new Option<string>("--mode") { Description = "guide: hand guiding in admittance; policy: the brain's policy drives.", DefaultValueFactory = _ => "guide" };
        var duration = new Option<double?>("--duration") { Description = "Stop after this many seconds (default: Ctrl+C; policy mode also stops when the task is done)." };
        var task = new Option<string?>("--task") { Description = "What is demonstrated (the episode's task; in policy mode the brain's instruction)." };
        var guidePath = new Option<string?>("--guide-path")
        {
            Description = "Simulated robots, guide mode: waypoints of the operator's hand in the base frame, metres: \"x,y,z;x,y,z;…\" (default: lift, over the bin, lower).",
        };
        var command = new Command("record", "Record a demonstration (hand guiding, or the policy running) into an episode file.")
        {
            config, output, mode, duration, task, guidePath,
        };
        command.SetAction(parse => Execute(parse.GetValue(config)!, parse.GetValue(output)!, parse.GetValue(mode)!, parse.GetValue(duration),
            parse.GetValue(task), parse.GetValue(guidePath), parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error));
        return command;
    }

    private static int Execute(FileInfo file, FileInfo outFile, string mode, double? seconds, string? task, string? guidePath, TextWriter output, TextWriter error)
    {
        if (!file.Exists)
        {
            error.WriteLine($"robotctl record: configuration file '{file.FullName}' does not exist. Shipped robots are under hardware/ (e.g. hardware/sim-arm6/robot.yaml).");
            return RunCommand.UsageExitCode;
        }

        if (seconds is <= 0)
        {
            error.WriteLine($"robotctl record: --duration must be > 0 seconds; it is {seconds}.");
            return RunCommand.UsageExitCode;
        }

        RobotConfig robot;
        try
        {
            robot = RobotConfigLoader.Load(file.FullName);
        }
        catch (ConfigException e)
        {
            error.WriteLine($"robotctl record: {e.Message}");
            return RunCommand.UsageExitCode;
        }

        if (mode is not ("guide" or "policy"))
        {
            error.WriteLine($"robotctl record: --mode '{mode}' is not allowed; use guide or policy.");
            return RunCommand.UsageExitCode;
        }

        bool guide = mode == "guide";
        IReadOnlyList<Vec3>? waypoints = null;
        if (guidePath is not null && !TryParsePath(guidePath, out waypoints, out string problem))
        {
            error.WriteLine($"robotctl record: --guide-path '{guidePath}': {problem}; expected \"x,y,z;x,y,z;…\" in metres.");
            return RunCommand.UsageExitCode;
        }

        if (guide && robot.Controllers.Admittance is null)
        {
            error.WriteLine($"robotctl record: --mode guide needs a wrist force/torque sensor to feel the hand; {robot.Name} lists none under sensors:.");
            return RunCommand.UsageExitCode;
        }

        if (guide)
        {
            robot = robot with { Controllers = robot.Controllers with { Default = ControllerKind.Admittance } };
        }

        var options = new RuntimeOptions
        {
            Task = task ?? (guide ? "hand-guided demonstration" : null),
            NoBrain = guide,
            Recording = new RecordingOptions(outFile.FullName) { Mode = guide ? EpisodeHeader.GuideMode : EpisodeHeader.PolicyMode },
        };
        RobotRuntime runtime;
        try
        {
            runtime = RobotRuntime.Build(robot, options);
            runtime.Start();
        }
        catch (Exception e) when (e is IOException or InvalidOperationException or ArgumentException or TimeoutException or UnauthorizedAccessException
                                       or Controller.Brain.Manifests.ManifestException or ConfigException)
        {
            error.WriteLine($"robotctl record: {robot.Name} could not be brought up: {e.Message}");
            return RunCommand.BringUpFailedExitCode;
        }

        using (runtime)
        {
            return Record(runtime, guide, waypoints, seconds, output);
        }
    }

    private static int Record(RobotRuntime runtime, bool guide, IReadOnlyList<Vec3>? waypoints, double? seconds, TextWriter output)
    {
        using var stop = new ManualResetEventSlim();
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, c => { c.Cancel = true; stop.Set(); });
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c => { c.Cancel = true; stop.Set(); });
        SimulatedOperator? hand = null;
        if (guide && runtime.Plant is { } plant)
        {
            string frame = runtime.Config.Controllers.Admittance!.Frame;
            Vec3 start = SimulatedOperator.FramePosition(plant, runtime.Model, frame);
            hand = new SimulatedOperator(plant, runtime.Model, frame, waypoints ?? SimulatedOperator.LiftOverBinAndLower(start));
            hand.Start();
        }

        string how = !guide ? "the policy drives" : hand is null ? "guide the arm by hand at its tool" : "a simulated operator guides the tool";
        output.WriteLine($"robotctl record: {runtime.Config.Name} up, controller {runtime.ActiveControllerKind.ToString().ToLowerInvariant()}; {how}; recording to {runtime.Recorder?.Path}. Ctrl+C stops.");
        DateTime end = seconds is double s ? DateTime.UtcNow.AddSeconds(s) : DateTime.MaxValue;
        while (!stop.IsSet && DateTime.UtcNow < end && !(seconds is null && runtime.Brain is { } b && (b.Done || b.Failure is not null)))
        {
            stop.Wait(TimeSpan.FromMilliseconds(Math.Clamp((end - DateTime.UtcNow).TotalMilliseconds, 1, 1000)));
            if (hand is not null)
            {
                Vec3 t = hand.ToolPosition();
                output.WriteLine(FormattableString.Invariant(
                    $"  tool at ({t.X:F3}, {t.Y:F3}, {t.Z:F3}) m; hand pushes {hand.LastForceN:F1} N toward waypoint {hand.NextWaypoint + 1}/{hand.Waypoints.Count}"));
            }
        }

        hand?.Dispose();
        RuntimeStatus last = runtime.Status();
        runtime.Stop();
        output.WriteLine($"safety: {last.Safety}; loop overruns {last.Overruns}");
        RunRecording.Report(runtime.Recorder, output);
        return 0;
    }

    /// <summary>Parses "x,y,z;x,y,z;…" (metres, invariant culture).</summary>
    internal static bool TryParsePath(string text, out IReadOnlyList<Vec3> waypoints, out string problem)
    {
        var points = new List<Vec3>();
        waypoints = points;
        foreach (string part in text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            string[] xyz = part.Split(',', StringSplitOptions.TrimEntries);
            var values = new double[3];
            if (xyz.Length != 3 || !xyz.Select((v, i) => double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out values[i]) && double.IsFinite(values[i])).All(ok => ok))
            {
                problem = $"waypoint {points.Count + 1} ('{part}') is not three finite numbers";
                return false;
            }

            points.Add(new Vec3(values[0], values[1], values[2]));
        }

        problem = points.Count == 0 ? "no waypoints" : "";
        return points.Count > 0;
    }
}
