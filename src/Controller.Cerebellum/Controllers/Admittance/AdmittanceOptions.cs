using Controller.Hardware.Devices.ForceTorque;

namespace Controller.Cerebellum.Controllers.Admittance;

/// <summary>
/// The virtual dynamics of a <see cref="CartesianAdmittanceController"/>: per axis M·ẍ + D·ẋ + K·x = F (linear and
/// angular parameters separate), the deadband and limits on the input wrench, the speed limits of the offset, and how
/// the offset becomes joint positions. Checked by <see cref="Validate"/> when a controller is built.
/// </summary>
public sealed record AdmittanceOptions
{
    /// <summary>Virtual mass of the translation (kg); finite and &gt; 0.</summary>
    public double MassKg { get; init; } = 5;

    /// <summary>Virtual damping of the translation (N·s/m); finite and &gt; 0 (it is what stops the motion when the force goes).</summary>
    public double DampingNsPerM { get; init; } = 60;

    /// <summary>Virtual spring pulling the offset back to zero (N/m); ≥ 0 (0: the arm stays where it was pushed).</summary>
    public double StiffnessNPerM { get; init; }

    /// <summary>Virtual rotational inertia (kg·m²); finite and &gt; 0.</summary>
    public double InertiaKgM2 { get; init; } = 0.1;

    /// <summary>Virtual rotational damping (N·m·s/rad); finite and &gt; 0.</summary>
    public double RotationalDampingNmsPerRad { get; init; } = 3;

    /// <summary>Virtual rotational spring (N·m/rad); ≥ 0.</summary>
    public double RotationalStiffnessNmPerRad { get; init; }

    /// <summary>When false only the translation is compliant; the tool's orientation is held.</summary>
    public bool Rotational { get; init; } = true;

    /// <summary>Forces below this magnitude are ignored (sensor noise, residual bias) (N); finite and ≥ 0.</summary>
    public double ForceDeadbandN { get; init; } = 3;

    /// <summary>Torques below this magnitude are ignored (N·m); finite and ≥ 0.</summary>
    public double TorqueDeadbandNm { get; init; } = 0.3;

    /// <summary>The force magnitude fed to the virtual dynamics is capped here (N); finite and &gt; the deadband.</summary>
    public double MaxForceN { get; init; } = 60;

    /// <summary>The torque magnitude fed to the virtual dynamics is capped here (N·m); finite and &gt; the deadband.</summary>
    public double MaxTorqueNm { get; init; } = 6;

    /// <summary>Speed of the tool point along the offset is capped here (m/s); finite and &gt; 0.</summary>
    public double MaxLinearSpeedMps { get; init; } = 0.25;

    /// <summary>Angular speed of the offset is capped here (rad/s); finite and &gt; 0.</summary>
    public double MaxAngularSpeedRadPerSec { get; init; } = 0.8;

    /// <summary>Every joint's share of the offset moves at most this fast (rad/s or m/s); finite and &gt; 0.</summary>
    public double MaxJointSpeedRadPerSec { get; init; } = 1.0;

    /// <summary>
    /// λ of the damped pseudo-inverse Jᵀ(JJᵀ + λ²I)⁻¹ (m): keeps joint motion bounded near singularities at the price
    /// of a small error there; finite and &gt; 0.
    /// </summary>
    public double JacobianDamping { get; init; } = 0.02;

    /// <summary>The tool hanging below the sensor, whose weight is subtracted unless the wrench already says it was; null: none.</summary>
    public ToolPayload? ToolPayload { get; init; }

    /// <summary>Throws unless every value is in its range.</summary>
    /// <exception cref="ArgumentException">Naming the option, its value and the rule.</exception>
    public void Validate()
    {
        Positive(MassKg, nameof(MassKg));
        Positive(DampingNsPerM, nameof(DampingNsPerM));
        NonNegative(StiffnessNPerM, nameof(StiffnessNPerM));
        Positive(InertiaKgM2, nameof(InertiaKgM2));
        Positive(RotationalDampingNmsPerRad, nameof(RotationalDampingNmsPerRad));
        NonNegative(RotationalStiffnessNmPerRad, nameof(RotationalStiffnessNmPerRad));
        NonNegative(ForceDeadbandN, nameof(ForceDeadbandN));
        NonNegative(TorqueDeadbandNm, nameof(TorqueDeadbandNm));
        Require(MaxForceN > ForceDeadbandN && double.IsFinite(MaxForceN), nameof(MaxForceN), MaxForceN, $"finite and > ForceDeadbandN ({ForceDeadbandN})");
        Require(MaxTorqueNm > TorqueDeadbandNm && double.IsFinite(MaxTorqueNm), nameof(MaxTorqueNm), MaxTorqueNm, $"finite and > TorqueDeadbandNm ({TorqueDeadbandNm})");
        Positive(MaxLinearSpeedMps, nameof(MaxLinearSpeedMps));
        Positive(MaxAngularSpeedRadPerSec, nameof(MaxAngularSpeedRadPerSec));
        Positive(MaxJointSpeedRadPerSec, nameof(MaxJointSpeedRadPerSec));
        Positive(JacobianDamping, nameof(JacobianDamping));
        ToolPayload?.Validate();
    }

    private static void Positive(double value, string name) => Require(value > 0 && double.IsFinite(value), name, value, "finite and > 0");

    private static void NonNegative(double value, string name) => Require(value >= 0 && double.IsFinite(value), name, value, "finite and >= 0");

    private static void Require(bool ok, string name, double value, string rule)
    {
        if (!ok) throw new ArgumentException($"AdmittanceOptions.{name} is {value}; it must be {rule}.", name);
    }
}
