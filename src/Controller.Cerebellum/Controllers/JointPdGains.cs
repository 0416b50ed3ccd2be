namespace Controller.Cerebellum.Controllers;

/// <summary>Stiffness Kp and damping Kd of one joint (N·m/rad and N·m·s/rad for a revolute joint).</summary>
public readonly record struct JointPdGains
{
    /// <summary>Creates gains, both finite and non-negative.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Naming the gain and its value.</exception>
    public JointPdGains(double stiffness, double damping)
    {
        if (!(stiffness >= 0 && double.IsFinite(stiffness)))
            throw new ArgumentOutOfRangeException(nameof(stiffness), stiffness, $"stiffness must be finite and >= 0; it is {stiffness}.");
        if (!(damping >= 0 && double.IsFinite(damping)))
            throw new ArgumentOutOfRangeException(nameof(damping), damping, $"damping must be finite and >= 0; it is {damping}.");
        Stiffness = stiffness;
        Damping = damping;
    }

    /// <summary>Kp.</summary>
    public double Stiffness { get; }

    /// <summary>Kd.</summary>
    public double Damping { get; }
}
