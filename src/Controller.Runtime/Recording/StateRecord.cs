namespace Controller.Runtime.Recording;

/// <summary>A decimated sample of the joint state and the command written in the same period (model joint order, SI).</summary>
/// <param name="TimeNs">Nanoseconds since the episode started (the state's sample time).</param>
/// <param name="Cycle">The loop cycle that read the state.</param>
/// <param name="PositionRad">Measured positions (rad or m).</param>
/// <param name="VelocityRadS">Measured velocities (rad/s or m/s).</param>
/// <param name="EffortNm">Measured efforts (N·m or N).</param>
/// <param name="CommandRad">Commanded positions after the safety supervisor (rad or m); empty before the first command.</param>
public sealed record StateRecord(long TimeNs, long Cycle, double[] PositionRad, double[] VelocityRadS, double[] EffortNm, double[] CommandRad)
    : EpisodeRecord(TimeNs)
{
    /// <inheritdoc />
    public override RecordKind Kind => RecordKind.State;
}
