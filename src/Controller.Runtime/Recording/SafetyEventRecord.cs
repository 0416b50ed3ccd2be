namespace Controller.Runtime.Recording;

/// <summary>A safety supervisor event (names as in <c>SafetyEventKind</c> and <c>SafetyReaction</c>, kept as text so the file outlives enum changes).</summary>
/// <param name="TimeNs">Nanoseconds since the episode started (the time of detection).</param>
/// <param name="Sequence">The supervisor's event number.</param>
/// <param name="EventKind">What happened, e.g. "BrainSilent".</param>
/// <param name="Reaction">What the supervisor did, e.g. "ProtectiveStop".</param>
/// <param name="Source">The joint or device index; -1 for the whole robot.</param>
/// <param name="Value">The measured value (SI).</param>
/// <param name="Limit">The threshold it was compared with (SI).</param>
public sealed record SafetyEventRecord(long TimeNs, long Sequence, string EventKind, string Reaction, int Source, double Value, double Limit)
    : EpisodeRecord(TimeNs)
{
    /// <inheritdoc />
    public override RecordKind Kind => RecordKind.SafetyEvent;
}
