namespace Controller.Hardware.Devices;

/// <summary>
/// How one actuator's own units relate to its joint: q_joint = direction · q_motor / gearRatio + offset, and the
/// joint torque is the motor torque times the gear ratio (an ideal transmission).
/// </summary>
/// <param name="GearRatio">Motor turns per joint turn (≠ 0).</param>
/// <param name="OffsetRad">Joint position when the motor reads zero.</param>
/// <param name="Direction">+1, or −1 when the motor turns against the joint axis.</param>
public readonly record struct JointMapping(double GearRatio, double OffsetRad, int Direction)
{
    /// <summary>Motor and joint are the same.</summary>
    public static JointMapping Identity => new(1, 0, 1);

    /// <summary>True when this mapping changes nothing.</summary>
    public bool IsIdentity => GearRatio == 1 && OffsetRad == 0 && Direction == 1;
}
