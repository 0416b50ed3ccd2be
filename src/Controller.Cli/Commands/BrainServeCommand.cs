using System.CommandLine;
using System.Runtime.InteropServices;
using Controller.Brain.Manifests;
using Controller.Pipeline.Memory;
using Controller.Runtime.Brain;
using Controller.Runtime.Configuration;

namespace Controller.Cli.Commands;

/// <summary>
/// <c>robotctl brain serve --attach NAME --config robot.yaml [--model M]</c>: the brain in its own process, attached
/// to a runtime started with <c>robotctl run --brain-attach NAME</c> through shared memory under <c>/dev/shm</c>. It
/// runs the same planner, policy and task as the in-process brain until Ctrl+C/SIGTERM (or <c>--duration</c>); killed,
/// the robot holds, and serving again picks the robot up where it stands.
/// </summary>
public static class BrainServeCommand
{
    /// <summary>Builds the <c>serve</c> subcommand.</summary>
    public static Command Create()
    {
        var attach = new Option<string>("--attach") { Description = "The runtime's attach name (robotctl run --brain-attach NAME).", Required = true };
        var config = new Option<FileInfo>("--config") { Description = "The robot's configuration (its brain section names the models).", Required = true };
        var model = new Option<FileInfo?>("--model") { Description = "Model manifest replacing the configured planner/policy." };
        var duration = new Option<double?>("--duration") { Description = "Stop after this many seconds." };
        var wait = new Option<double>("--wait") { Description = "Seconds to wait for the runtime's shared memory.", DefaultValueFactory = _ => 10 };
        var flatOut = new Option<bool>("--flat-out") { Description = "Measure, do not drive: run the planner and policy flat out without the task (robotctl bench brain starts this)." };
        var serve = new Command("serve", "Run the brain in its own process, attached to a running robot.") { attach, config, model, duration, wait, flatOut };
        serve.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            try
            {
                RobotConfig robot = RobotConfigLoader.Load(parse.GetValue(config)!.FullName);
                var paths = new BrainRegionPaths(parse.GetValue(attach)!);
                var options = new BrainOptions { ModelManifest = parse.GetValue(model)?.FullName };
                if (parse.GetValue(flatOut))
                {
                    return ServeFlatOut(robot, paths, options, parse.GetValue(wait), parse.GetValue(duration), output);
                }

                using BrainProcess brain = BrainProcess.Attach(robot, paths, options, TimeSpan.FromSeconds(parse.GetValue(wait)));
                using var stop = new ManualResetEventSlim();
                using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c => { c.Cancel = true; stop.Set(); });
                using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, c => { c.Cancel = true; stop.Set(); });
                brain.Start();
                output.WriteLine($"brain serve: attached to '{paths.Name}' (pid {Environment.ProcessId}), task \"{brain.Instruction}\"; planner {brain.Worker.PlannerManifest}, policy {brain.Worker.PolicyManifest}");
                output.Flush();
                double? seconds = parse.GetValue(duration);
                var until = seconds is { } s ? DateTime.UtcNow + TimeSpan.FromSeconds(s) : DateTime.MaxValue;
                // A runtime that stopped leaves nobody to drive: the brain stops with it.
                while (!stop.Wait(200) && DateTime.UtcNow < until)
                {
                    if (brain.RuntimeExited)
                    {
                        output.WriteLine("brain serve: the runtime has gone; stopping.");
                        break;
                    }
                }

                var counts = brain.Worker.Counts;
                output.WriteLine($"brain serve: stopped; skill {brain.Worker.Skill}, policy calls {counts.PolicyCalls}, planner runs {counts.PlannerRuns}, deadline misses {counts.DeadlineMisses}");
                return 0;
            }
            catch (Exception e) when (e is ConfigException or ManifestException or ArgumentException or FileNotFoundException
                                       or PipelineAttachException or InvalidOperationException)
            {
                error.WriteLine($"robotctl brain serve: {e.Message}");
                return RunCommand.UsageExitCode;
            }
        });
        return serve;
    }

    private static int ServeFlatOut(RobotConfig robot, BrainRegionPaths paths, BrainOptions options, double wait, double? seconds, TextWriter output)
    {
        using FlatOutBrainProcess brain = FlatOutBrainProcess.Attach(robot, paths, options, TimeSpan.FromSeconds(wait));
        using var stop = new ManualResetEventSlim();
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c => { c.Cancel = true; stop.Set(); });
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, c => { c.Cancel = true; stop.Set(); });
        brain.Start();
        output.WriteLine($"brain serve: attached to '{paths.Name}' (pid {Environment.ProcessId}), planner and policy flat out");
        output.Flush();
        var until = seconds is { } s ? DateTime.UtcNow + TimeSpan.FromSeconds(s) : DateTime.MaxValue;
        while (!stop.Wait(200) && DateTime.UtcNow < until && !brain.RuntimeExited)
        {
        }

        output.WriteLine(FormattableString.Invariant($"brain serve: stopped; {brain.Brain.PolicySteps} policy and {brain.Brain.PlannerSteps} planner steps in {brain.Brain.ElapsedSeconds:F1} s"));
        return 0;
    }
}
