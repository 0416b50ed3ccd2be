namespace Controller.Hardware.Devices.Mit;

/// <summary>What the driver knows about one actuator after the last read.</summary>
/// <param name="MotorId">The motor id.</param>
/// <param name="TemperatureC">Last reported temperature (NaN when the model reports none).</param>
/// <param name="ErrorCode">Last raw error/state code.</param>
/// <param name="Faulted">True when the last reply reported a fault.</param>
/// <param name="MissedCycles">Cycles without a reply, in total.</param>
/// <param name="GuardNudges">Commands the special-frame guard changed by one LSB.</param>
public readonly record struct MitActuatorStatus(byte MotorId, double TemperatureC, byte ErrorCode, bool Faulted, long MissedCycles, long GuardNudges);
