namespace Controller.Runtime.Recording;

/// <summary>A policy's action chunk as the cerebellum took it: its shape, timing and first row (not every row).</summary>
/// <param name="TimeNs">Nanoseconds since the episode started (when the loop took the chunk).</param>
/// <param name="Sequence">The chunk's own sequence number.</param>
/// <param name="Steps">Rows in the chunk.</param>
/// <param name="Dimension">Values per row.</param>
/// <param name="StepPeriodNs">Time between rows (ns).</param>
/// <param name="ModelIndex">The model that produced it.</param>
/// <param name="Rejection">The follower's verdict (0: accepted; otherwise the <c>ChunkRejection</c> value).</param>
/// <param name="FirstAction">Row 0 of the chunk.</param>
public sealed record ChunkRecord(long TimeNs, long Sequence, int Steps, int Dimension, long StepPeriodNs, int ModelIndex, int Rejection, float[] FirstAction)
    : EpisodeRecord(TimeNs)
{
    /// <inheritdoc />
    public override RecordKind Kind => RecordKind.Chunk;
}
