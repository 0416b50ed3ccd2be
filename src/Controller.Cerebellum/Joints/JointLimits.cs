namespace Controller.Cerebellum.Joints;

/// <summary>
/// One joint's limits in SI units (rad, rad/s, rad/s², rad/s³, N·m for revolute joints; m and N for
/// prismatic). Hard position limits come from the URDF; soft limits sit inside them and are where the
/// safety supervisor starts to act. Immutable; validated on construction.
/// </summary>
public readonly record struct JointLimits
{
    /// <summary>Creates limits, checking every value.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Naming the joint, the field, the value and the rule.</exception>
    public JointLimits(string joint, double positionMin, double positionMax, double velocityMax, double accelerationMax,
        double jerkMax, double effortMax, double? softPositionMin = null, double? softPositionMax = null)
    {
        Joint = joint ?? throw new ArgumentNullException(nameof(joint));
        Require(double.IsFinite(positionMin) && double.IsFinite(positionMax) && positionMin < positionMax, joint, nameof(positionMin),
            $"[{positionMin}, {positionMax}]", "finite with min < max");
        Require(velocityMax > 0 && double.IsFinite(velocityMax), joint, nameof(velocityMax), velocityMax, "finite and > 0");
        Require(accelerationMax > 0 && double.IsFinite(accelerationMax), joint, nameof(accelerationMax), accelerationMax, "finite and > 0");
        Require(jerkMax > 0 && double.IsFinite(jerkMax), joint, nameof(jerkMax), jerkMax, "finite and > 0");
        Require(effortMax > 0 && double.IsFinite(effortMax), joint, nameof(effortMax), effortMax, "finite and > 0");
        double softMin = softPositionMin ?? positionMin, softMax = softPositionMax ?? positionMax;
        Require(softMin >= positionMin && softMax <= positionMax && softMin < softMax, joint, "softPosition",
            $"[{softMin}, {softMax}]", $"inside the hard limits [{positionMin}, {positionMax}] with min < max");
        PositionMin = positionMin;
        PositionMax = positionMax;
        SoftPositionMin = softMin;
        SoftPositionMax = softMax;
        VelocityMax = velocityMax;
        AccelerationMax = accelerationMax;
        JerkMax = jerkMax;
        EffortMax = effortMax;
    }

    /// <summary>The joint's name (for messages).</summary>
    public string Joint { get; }

    /// <summary>Hard lower position limit.</summary>
    public double PositionMin { get; }

    /// <summary>Hard upper position limit.</summary>
    public double PositionMax { get; }

    /// <summary>Soft lower position limit (≥ <see cref="PositionMin"/>).</summary>
    public double SoftPositionMin { get; }

    /// <summary>Soft upper position limit (≤ <see cref="PositionMax"/>).</summary>
    public double SoftPositionMax { get; }

    /// <summary>Largest speed (absolute).</summary>
    public double VelocityMax { get; }

    /// <summary>Largest acceleration (absolute).</summary>
    public double AccelerationMax { get; }

    /// <summary>Largest jerk (absolute).</summary>
    public double JerkMax { get; }

    /// <summary>Largest effort (absolute).</summary>
    public double EffortMax { get; }

    private static void Require(bool ok, string joint, string field, object value, string rule)
    {
        if (!ok) throw new ArgumentOutOfRangeException(field, value, $"joint '{joint}': {field} is {value}; it must be {rule}.");
    }
}
