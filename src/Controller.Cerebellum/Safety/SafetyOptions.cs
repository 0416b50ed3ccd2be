namespace Controller.Cerebellum.Safety;

/// <summary>
/// Thresholds of the safety supervisor. Deceleration in a protective stop uses each joint's
/// <see cref="Joints.JointLimits.AccelerationMax"/>; position, velocity and effort limits come from the
/// <see cref="Joints.JointLimitSet"/>. Checked by <see cref="Validate"/> when a supervisor is built.
/// </summary>
public sealed record SafetyOptions
{
    /// <summary>The brain is silent when no goal or chunk arrived for longer than this (ns); &gt; 0.</summary>
    public long BrainTimeoutNs { get; init; } = 100_000_000;

    /// <summary>A joint without fresh sensor data for this many consecutive cycles causes a protective stop; ≥ 1.</summary>
    public int StaleSensorCycles { get; init; } = 3;

    /// <summary>Factor applied to every velocity limit in <see cref="SafetyState.ReducedSpeed"/>; in (0, 1].</summary>
    public double ReducedSpeedFactor { get; init; } = 0.25;

    /// <summary>Collision when the measured force magnitude exceeds this (N); finite and &gt; 0.</summary>
    public double CollisionForceN { get; init; } = 150;

    /// <summary>Collision when the measured torque magnitude exceeds this (N·m); finite and &gt; 0.</summary>
    public double CollisionTorqueNm { get; init; } = 20;

    /// <summary>Throws unless every value is in its range.</summary>
    /// <exception cref="ArgumentException">Naming the option, its value and the rule.</exception>
    public void Validate()
    {
        Require(BrainTimeoutNs > 0, nameof(BrainTimeoutNs), BrainTimeoutNs, "> 0");
        Require(StaleSensorCycles >= 1, nameof(StaleSensorCycles), StaleSensorCycles, ">= 1");
        Require(ReducedSpeedFactor > 0 && ReducedSpeedFactor <= 1, nameof(ReducedSpeedFactor), ReducedSpeedFactor, "in (0, 1]");
        Require(CollisionForceN > 0 && double.IsFinite(CollisionForceN), nameof(CollisionForceN), CollisionForceN, "finite and > 0");
        Require(CollisionTorqueNm > 0 && double.IsFinite(CollisionTorqueNm), nameof(CollisionTorqueNm), CollisionTorqueNm, "finite and > 0");
    }

    private static void Require(bool ok, string name, object value, string rule)
    {
        if (!ok) throw new ArgumentException($"SafetyOptions.{name} is {value}; it must be {rule}.", name);
    }
}
