namespace Controller.Runtime.Recording;

/// <summary>A bus's lifecycle state or fault count changed.</summary>
/// <param name="TimeNs">Nanoseconds since the episode started (when the recorder saw the change).</param>
/// <param name="Source">The bus's name.</param>
/// <param name="State">Its lifecycle state, e.g. "Active" or "Faulted".</param>
/// <param name="Faults">Faults it has counted so far.</param>
public sealed record FaultRecord(long TimeNs, string Source, string State, long Faults) : EpisodeRecord(TimeNs)
{
    /// <inheritdoc />
    public override RecordKind Kind => RecordKind.Fault;
}
