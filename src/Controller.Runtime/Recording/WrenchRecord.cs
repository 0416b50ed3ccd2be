namespace Controller.Runtime.Recording;

/// <summary>A wrist force/torque sample in the sensor's frame.</summary>
/// <param name="TimeNs">Nanoseconds since the episode started.</param>
/// <param name="ForceN">Fx, Fy, Fz (N).</param>
/// <param name="TorqueNm">Tx, Ty, Tz (N·m).</param>
public sealed record WrenchRecord(long TimeNs, double[] ForceN, double[] TorqueNm) : EpisodeRecord(TimeNs)
{
    /// <inheritdoc />
    public override RecordKind Kind => RecordKind.Wrench;
}
