namespace Controller.Hardware.Protocols.Mit;

/// <summary>
/// The ranges an MIT-mode actuator maps its integer fields onto (these are firmware constants, not physical
/// limits: a value outside is clamped to the range edge before packing), with where they come from.
/// </summary>
/// <param name="Name">Model name as the vendor writes it.</param>
/// <param name="PositionMaxRad">Position range ±this (16 bits).</param>
/// <param name="VelocityMaxRadPerSec">Velocity range ±this (12 bits).</param>
/// <param name="KpMax">Stiffness range 0..this, N·m/rad (12 bits).</param>
/// <param name="KdMax">Damping range 0..this, N·m·s/rad (12 bits).</param>
/// <param name="TorqueMaxNm">Torque range ±this (12 bits).</param>
/// <param name="ReplyLayout">How replies are laid out.</param>
/// <param name="Source">Where the numbers come from.</param>
public sealed record MitActuatorModel(
    string Name,
    double PositionMaxRad,
    double VelocityMaxRadPerSec,
    double KpMax,
    double KdMax,
    double TorqueMaxNm,
    MitReplyLayout ReplyLayout,
    string Source)
{
    /// <summary>CubeMars AK80-9.</summary>
    public static MitActuatorModel CubeMarsAk80_9 { get; } = new("CubeMars AK80-9", 12.5, 50, 500, 5, 18, MitReplyLayout.CubeMars8,
        "CubeMars AK series product manual, MIT (force control) mode parameter ranges for AK80-9");

    /// <summary>CubeMars AK70-10.</summary>
    public static MitActuatorModel CubeMarsAk70_10 { get; } = new("CubeMars AK70-10", 12.5, 50, 500, 5, 25, MitReplyLayout.CubeMars8,
        "CubeMars AK series product manual §5.3, MIT mode parameter ranges for AK70-10");

    /// <summary>The MIT mini cheetah actuator with Ben Katz's motor controller firmware.</summary>
    public static MitActuatorModel MiniCheetah { get; } = new("MIT mini cheetah", 12.5, 65, 500, 5, 18, MitReplyLayout.Katz6,
        "Ben Katz, mini cheetah motor controller firmware and leg controller value limits (P/V/KP/KD/T_MIN/MAX)");

    /// <summary>Damiao DM4310 with factory PMAX/VMAX/TMAX (changeable in the motor; match them here).</summary>
    public static MitActuatorModel DamiaoDm4310 { get; } = new("Damiao DM4310", 12.5, 30, 500, 5, 10, MitReplyLayout.Damiao8,
        "Damiao DM4310 manual, factory PMAX 12.5 / VMAX 30 / TMAX 10");

    /// <summary>Damiao DM8009 with factory PMAX/VMAX/TMAX.</summary>
    public static MitActuatorModel DamiaoDm8009 { get; } = new("Damiao DM8009", 12.5, 45, 500, 5, 54, MitReplyLayout.Damiao8,
        "Damiao DM8009 manual, factory PMAX 12.5 / VMAX 45 / TMAX 54");

    /// <summary>Every built-in model.</summary>
    public static IReadOnlyList<MitActuatorModel> All { get; } = [CubeMarsAk80_9, CubeMarsAk70_10, MiniCheetah, DamiaoDm4310, DamiaoDm8009];

    /// <summary>The built-in model named <paramref name="name"/> (case-insensitive).</summary>
    /// <exception cref="ArgumentException">When there is none; the message lists those there are.</exception>
    public static MitActuatorModel ByName(string name) =>
        All.FirstOrDefault(m => string.Equals(m.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException($"unknown MIT actuator model '{name}'; known: {string.Join(", ", All.Select(m => m.Name))}.", nameof(name));
}
