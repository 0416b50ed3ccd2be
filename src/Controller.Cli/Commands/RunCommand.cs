using System.CommandLine;

namespace Controller.Cli.Commands;

/// <summary>
/// <c>robotctl run &lt;robot.yaml&gt;</c>: the main job. Its arguments are final; until the end-to-end runtime
/// (issue #9) lands it checks the configuration path and states plainly which parts exist.
/// </summary>
public static class RunCommand
{
    /// <summary>Exit code when the requested job cannot run yet (sysexits EX_UNAVAILABLE).</summary>
    public const int NotAvailableExitCode = 69;

    /// <summary>Exit code for a bad invocation, such as a missing configuration file.</summary>
    public const int UsageExitCode = 2;

    /// <summary>Builds the <c>run</c> command.</summary>
    public static Command Create()
    {
        var config = new Argument<FileInfo>("robot.yaml") { Description = "The robot's hardware configuration, e.g. hardware/sim-arm6/robot.yaml." };
        var task = new Option<string?>("--task") { Description = "Instruction for the brain, e.g. \"put the red cube in the bin\"." };
        var model = new Option<FileInfo?>("--model") { Description = "Model manifest replacing the configured planner/policy." };
        var duration = new Option<double?>("--duration") { Description = "Stop after this many seconds." };
        var noUi = new Option<bool>("--no-ui") { Description = "Plain log lines instead of the live view." };
        var command = new Command("run", "Bring the robot up, run the brain and the cerebellum, and stop safely on Ctrl+C.")
        {
            config, task, model, duration, noUi,
        };
        command.SetAction(parse =>
        {
            var file = parse.GetValue(config)!;
            var error = parse.InvocationConfiguration.Error;
            var output = parse.InvocationConfiguration.Output;
            if (!file.Exists)
            {
                error.WriteLine($"robotctl run: configuration file '{file.FullName}' does not exist. Shipped robots are under hardware/ (e.g. hardware/sim-arm6/robot.yaml).");
                return UsageExitCode;
            }
            output.WriteLine($"robotctl run {file.FullName}");
            output.WriteLine("Built so far: the pipeline (lock-free rings, seqlock mailbox, shared memory between processes); the cerebellum's");
            output.WriteLine("loop, real-time setup, trajectory follower, PD control, controller switching and safety supervisor; the device lifecycle;");
            output.WriteLine("the URDF parser.");
            output.WriteLine("Not built yet, so the robot cannot be driven: hardware configuration loading and the end-to-end runtime (issue #9),");
            output.WriteLine("the robot model's kinematics and dynamics (#4), serial/CAN/EtherCAT drivers and their twins (#5, #6, #7), the brain (#8).");
            output.WriteLine("Measure what exists with: robotctl bench pipeline, robotctl bench loop; check this machine with: robotctl doctor");
            return NotAvailableExitCode;
        });
        return command;
    }
}
