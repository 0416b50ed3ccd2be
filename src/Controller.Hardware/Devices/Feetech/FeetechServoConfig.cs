namespace Controller.Hardware.Devices.Feetech;

/// <summary>One servo of a Feetech group: its bus ID and, optionally, its LeRobot calibration.</summary>
/// <param name="Id">Servo ID (0..253).</param>
/// <param name="Calibration">LeRobot calibration; null reads step 2048 as 0 rad over the whole turn.</param>
public sealed record FeetechServoConfig(byte Id, FeetechMotorCalibration? Calibration = null);
