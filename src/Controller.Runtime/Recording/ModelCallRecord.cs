namespace Controller.Runtime.Recording;

/// <summary>
/// One call of a brain model: what it was given and what it answered. A policy's answer is its action chunk, recorded
/// as a <see cref="ChunkRecord"/>; <see cref="ChunkSequence"/> (with <see cref="ModelIndex"/>) links to it.
/// </summary>
/// <param name="TimeNs">Nanoseconds since the episode started (the brain's tick that made the call).</param>
/// <param name="Model"><see cref="PlannerModel"/> or <see cref="PolicyModel"/>.</param>
/// <param name="ModelIndex">The policy's model index (stamped into its chunks; each swap or reload takes the next); 0 for a planner.</param>
/// <param name="Status">The outcome's name: <c>InferenceStatus</c> for a planner, <c>PolicyStepStatus</c> for a policy.</param>
/// <param name="InferenceNs">How long the model ran (ns).</param>
/// <param name="StateRad">The joint positions the model was given (rad, model order); empty when it takes none.</param>
/// <param name="GoalRad">The goal features it was given (the policy's <c>observation.goal</c>); empty when none.</param>
/// <param name="Instruction">The instruction text it was given ("" when none).</param>
/// <param name="Images">The camera images it was given.</param>
/// <param name="Skill">The planner's chosen skill ("" for a policy or a failed call).</param>
/// <param name="Arguments">The planner's other outputs (empty for a policy or a failed call).</param>
/// <param name="ChunkSequence">The sequence number of the chunk the policy published, or −1 when it published none.</param>
public sealed record ModelCallRecord(
    long TimeNs,
    string Model,
    int ModelIndex,
    string Status,
    long InferenceNs,
    double[] StateRad,
    double[] GoalRad,
    string Instruction,
    ModelCallImage[] Images,
    string Skill,
    ModelArgument[] Arguments,
    long ChunkSequence) : EpisodeRecord(TimeNs)
{
    /// <summary>The value of <see cref="Model"/> for the planner.</summary>
    public const string PlannerModel = "planner";

    /// <summary>The value of <see cref="Model"/> for the policy.</summary>
    public const string PolicyModel = "policy";

    /// <inheritdoc />
    public override RecordKind Kind => RecordKind.ModelCall;
}
