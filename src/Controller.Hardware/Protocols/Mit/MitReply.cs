namespace Controller.Hardware.Protocols.Mit;

/// <summary>One decoded MIT-mode reply.</summary>
/// <param name="MotorId">The motor's CAN id from the reply payload.</param>
/// <param name="PositionRad">Measured position.</param>
/// <param name="VelocityRadPerSec">Measured velocity.</param>
/// <param name="TorqueNm">Measured torque (from current).</param>
/// <param name="TemperatureC">Motor temperature (°C); NaN when the layout has none.</param>
/// <param name="ErrorCode">The raw error/state code of the layout (0 when it has none).</param>
/// <param name="Faulted">True when the error code is a fault.</param>
public readonly record struct MitReply(
    byte MotorId, double PositionRad, double VelocityRadPerSec, double TorqueNm, double TemperatureC, byte ErrorCode, bool Faulted);
