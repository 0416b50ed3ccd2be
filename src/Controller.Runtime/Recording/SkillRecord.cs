namespace Controller.Runtime.Recording;

/// <summary>The brain's instruction or current skill changed (both are recorded each time either changes).</summary>
/// <param name="TimeNs">Nanoseconds since the episode started (when the recorder saw the change).</param>
/// <param name="Task">The instruction being followed ("" without a brain).</param>
/// <param name="Skill">The task's current skill ("" without a brain).</param>
public sealed record SkillRecord(long TimeNs, string Task, string Skill) : EpisodeRecord(TimeNs)
{
    /// <inheritdoc />
    public override RecordKind Kind => RecordKind.Skill;
}
