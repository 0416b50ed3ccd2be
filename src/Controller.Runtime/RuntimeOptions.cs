using Controller.Runtime.Recording;

namespace Controller.Runtime;

/// <summary>How <c>robotctl run</c> asked for the robot to be run.</summary>
public sealed record RuntimeOptions
{
    /// <summary>Ask for SCHED_FIFO, pinning and mlockall on the loop thread (refusals are reported, not fatal).</summary>
    public bool RealtimeSetup { get; init; } = true;

    /// <summary>How long a controlled stop holds the robot before the drives are disabled.</summary>
    public TimeSpan HoldBeforeDisable { get; init; } = TimeSpan.FromMilliseconds(300);

    /// <summary>The instruction for the brain (<c>--task</c>); null takes the configuration's <c>brain.task</c>.</summary>
    public string? Task { get; init; }

    /// <summary>Run without the brain even when the configuration names models (the robot holds).</summary>
    public bool NoBrain { get; init; }

    /// <summary>Record the run into an episode file (<c>--record FILE</c>); null records nothing.</summary>
    public RecordingOptions? Recording { get; init; }

    /// <summary>A model manifest replacing the configured planner or policy, by its <c>kind</c> (<c>--model</c>); null keeps both.</summary>
    public string? Model { get; init; }

    /// <summary>Deadlines and recovery of the brain (see <see cref="Controller.Runtime.Brain.BrainOptions"/>).</summary>
    public Controller.Runtime.Brain.BrainOptions Brain { get; init; } = new();

    /// <summary>
    /// Where the brain runs: in this process (default) or in <c>robotctl brain serve --attach</c> <see cref="BrainAttachName"/>.
    /// In process is the default by measurement: <c>robotctl bench brain</c> found the loop's p99 lateness the same with the
    /// brain in process as out of process (ratios to no brain 1.06 and 1.07, medians of six runs on the 2-core development
    /// machine), and in process needs no second process, no model load at attach and no files under <c>/dev/shm</c>.
    /// Out of process isolates the loop from the brain's crashes (see src/Controller.Runtime/Brain/README.md).
    /// </summary>
    public Controller.Runtime.Brain.BrainPlacement BrainPlacement { get; init; } = Controller.Runtime.Brain.BrainPlacement.InProcess;

    /// <summary>The attach name of the shared files for an out-of-process brain (<c>/dev/shm/robotctl-brain-NAME.*</c>).</summary>
    public string BrainAttachName { get; init; } = "robot";
}
