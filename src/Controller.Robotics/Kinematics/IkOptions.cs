namespace Controller.Robotics.Kinematics;

/// <summary>Settings of <see cref="InverseKinematics"/>.</summary>
public sealed record IkOptions
{
    /// <summary>Iteration cap; a solve that has not converged by then reports failure with its best errors.</summary>
    public int MaxIterations { get; init; } = 200;

    /// <summary>Converged when the position error is below this (m).</summary>
    public double PositionToleranceM { get; init; } = 1e-6;

    /// <summary>Converged when the orientation error is below this (rad); ignored when <see cref="OrientationWeight"/> is 0.</summary>
    public double OrientationToleranceRad { get; init; } = 1e-6;

    /// <summary>
    /// Weight of the orientation rows against the position rows (m per rad). 0 solves for position alone, which an
    /// arm with fewer than six joints (SO-101: five) needs.
    /// </summary>
    public double OrientationWeight { get; init; } = 1.0;

    /// <summary>Damping λ of the damped least squares: larger is steadier near singularities, slower elsewhere.</summary>
    public double Damping { get; init; } = 0.05;

    /// <summary>Largest change of any joint in one iteration (rad or m), so a far target cannot fling the solution.</summary>
    public double MaxStep { get; init; } = 0.2;

    /// <summary>
    /// Tighter position limits per joint (model order) than the URDF's, e.g. the soft limits the controller enforces,
    /// so a solution never lands where the safety supervisor would clamp it; null keeps the URDF's.
    /// </summary>
    public IReadOnlyList<double>? LowerLimits { get; init; }

    /// <summary>Upper counterpart of <see cref="LowerLimits"/>.</summary>
    public IReadOnlyList<double>? UpperLimits { get; init; }

    /// <summary>Gain of the null-space task pulling towards the rest posture (per iteration, 0..1).</summary>
    public double NullSpaceGain { get; init; } = 0.1;
}
