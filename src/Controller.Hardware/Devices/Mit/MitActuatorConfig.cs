using Controller.Hardware.Protocols.Mit;

namespace Controller.Hardware.Devices.Mit;

/// <summary>One MIT-mode actuator of a group.</summary>
/// <param name="MotorId">The motor's CAN id (commands are sent on it), 1..127.</param>
/// <param name="Model">Ranges and reply layout.</param>
public sealed record MitActuatorConfig(byte MotorId, MitActuatorModel Model)
{
    /// <summary>The identifier the motor replies on (CubeMars and the mini cheetah: 0, the master id; Damiao: its MST_ID).</summary>
    public uint ReplyCanId { get; init; }

    /// <summary>Stiffness used for Position and Hold commands (N·m/rad).</summary>
    public double PositionKp { get; init; } = 20;

    /// <summary>Damping used for Position, Velocity and Hold commands (N·m·s/rad).</summary>
    public double PositionKd { get; init; } = 1;

    internal void Validate(string busName)
    {
        if (MotorId is 0 or > 0x7F)
            throw new ArgumentOutOfRangeException(nameof(MotorId), MotorId, $"bus '{busName}': an MIT motor id must be 1..127.");
        ArgumentNullException.ThrowIfNull(Model);
        if (ReplyCanId > 0x7FF)
            throw new ArgumentOutOfRangeException(nameof(ReplyCanId), ReplyCanId, $"bus '{busName}' motor {MotorId}: the reply id must be an 11-bit identifier.");
        if (!(PositionKp >= 0 && PositionKp <= Model.KpMax))
            throw new ArgumentOutOfRangeException(nameof(PositionKp), PositionKp, $"bus '{busName}' motor {MotorId}: Kp must be 0..{Model.KpMax} for {Model.Name}.");
        if (!(PositionKd >= 0 && PositionKd <= Model.KdMax))
            throw new ArgumentOutOfRangeException(nameof(PositionKd), PositionKd, $"bus '{busName}' motor {MotorId}: Kd must be 0..{Model.KdMax} for {Model.Name}.");
    }
}
