namespace Controller.Runtime.Brain;

/// <summary>What the runtime last read from an out-of-process brain's status region (<see cref="SharedBrainStatus"/>).</summary>
/// <param name="Skill">The task's current skill.</param>
/// <param name="Instruction">The instruction the brain follows.</param>
/// <param name="Failure">Why the task failed, or null.</param>
/// <param name="Done">True once the task finished its sequence.</param>
/// <param name="ProcessId">The brain process's id.</param>
/// <param name="PublishedNs">When the brain published it (<c>CLOCK_MONOTONIC</c>, ns).</param>
/// <param name="PlannerRuns">Planner inferences so far.</param>
/// <param name="PolicyCalls">Policy inferences so far.</param>
/// <param name="DeadlineMisses">Deadline misses so far.</param>
/// <param name="Swaps">Hot swaps applied.</param>
/// <param name="Reloads">Models reloaded after repeated failures.</param>
/// <param name="PlannerHz">Planner inferences per second, recent.</param>
/// <param name="PolicyHz">Policy inferences per second, recent.</param>
public sealed record BrainProcessStatus(
    string Skill,
    string Instruction,
    string? Failure,
    bool Done,
    int ProcessId,
    long PublishedNs,
    long PlannerRuns,
    long PolicyCalls,
    long DeadlineMisses,
    long Swaps,
    long Reloads,
    double PlannerHz,
    double PolicyHz);
