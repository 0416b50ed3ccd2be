namespace Controller.Hardware.Protocols.Cia402;

/// <summary>
/// Converts between SI joint units and a drive's integer units: position in encoder increments (0x6064, 0x607A,
/// 0x60F4), velocity in increments per second (0x606C, 0x60FF), torque in per mille of the motor's rated torque
/// (0x6071, 0x6077). The drive sits on the motor side of a gearbox of ratio <see cref="GearRatio"/> (motor
/// revolutions per joint revolution); gearbox losses are ignored.
/// </summary>
/// <remarks>Conversions saturate at the integer range instead of wrapping, so a wild set-point cannot flip sign.</remarks>
public sealed class Cia402Scaling
{
    /// <summary>Creates a scaling.</summary>
    /// <param name="incrementsPerMotorRevolution">Encoder increments per motor revolution (e.g. 2^17 = 131072), &gt; 0.</param>
    /// <param name="gearRatio">Motor revolutions per joint revolution (e.g. 100 for a 100:1 harmonic drive), &gt; 0; negative values are refused (use the joint axis sign instead).</param>
    /// <param name="ratedTorqueNm">Motor rated torque, 0x6076 / 1000, &gt; 0.</param>
    /// <exception cref="ArgumentOutOfRangeException">Naming the bad value and the allowed range.</exception>
    public Cia402Scaling(double incrementsPerMotorRevolution, double gearRatio, double ratedTorqueNm)
    {
        if (!(incrementsPerMotorRevolution > 0) || double.IsInfinity(incrementsPerMotorRevolution))
            throw new ArgumentOutOfRangeException(nameof(incrementsPerMotorRevolution), incrementsPerMotorRevolution, "increments per motor revolution must be a finite number > 0.");
        if (!(gearRatio > 0) || double.IsInfinity(gearRatio))
            throw new ArgumentOutOfRangeException(nameof(gearRatio), gearRatio, "gear ratio (motor revolutions per joint revolution) must be a finite number > 0.");
        if (!(ratedTorqueNm > 0) || double.IsInfinity(ratedTorqueNm))
            throw new ArgumentOutOfRangeException(nameof(ratedTorqueNm), ratedTorqueNm, "rated torque must be a finite number > 0 N·m.");
        IncrementsPerMotorRevolution = incrementsPerMotorRevolution;
        GearRatio = gearRatio;
        RatedTorqueNm = ratedTorqueNm;
        IncrementsPerRad = incrementsPerMotorRevolution * gearRatio / (2 * Math.PI);
        PerMillePerNm = 1000.0 / (ratedTorqueNm * gearRatio);
    }

    /// <summary>Encoder increments per motor revolution.</summary>
    public double IncrementsPerMotorRevolution { get; }

    /// <summary>Motor revolutions per joint revolution.</summary>
    public double GearRatio { get; }

    /// <summary>Motor rated torque (N·m).</summary>
    public double RatedTorqueNm { get; }

    /// <summary>Increments per radian of the joint.</summary>
    public double IncrementsPerRad { get; }

    /// <summary>Per mille of rated motor torque per N·m of joint torque.</summary>
    public double PerMillePerNm { get; }

    /// <summary>Joint position (rad) to increments.</summary>
    public int PositionToIncrements(double positionRad) => SaturateInt32(positionRad * IncrementsPerRad);

    /// <summary>Increments to joint position (rad).</summary>
    public double IncrementsToPositionRad(int increments) => increments / IncrementsPerRad;

    /// <summary>Joint velocity (rad/s) to increments per second.</summary>
    public int VelocityToIncrementsPerSec(double velocityRadPerSec) => SaturateInt32(velocityRadPerSec * IncrementsPerRad);

    /// <summary>Increments per second to joint velocity (rad/s).</summary>
    public double IncrementsPerSecToVelocityRadPerSec(int incrementsPerSec) => incrementsPerSec / IncrementsPerRad;

    /// <summary>Joint torque (N·m) to per mille of rated motor torque.</summary>
    public short TorqueToPerMille(double torqueNm)
    {
        double value = Math.Round(torqueNm * PerMillePerNm);
        if (double.IsNaN(value)) return 0;
        return (short)Math.Clamp(value, short.MinValue, short.MaxValue);
    }

    /// <summary>Per mille of rated motor torque to joint torque (N·m).</summary>
    public double PerMilleToTorqueNm(short perMille) => perMille / PerMillePerNm;

    private static int SaturateInt32(double value)
    {
        if (double.IsNaN(value)) return 0;
        return (int)Math.Clamp(Math.Round(value), int.MinValue, int.MaxValue);
    }
}
