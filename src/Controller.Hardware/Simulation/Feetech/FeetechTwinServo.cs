namespace Controller.Hardware.Simulation.Feetech;

/// <summary>One servo of a simulated Feetech chain: its ID, the plant joint it drives, and how it is mounted.</summary>
/// <param name="Id">Servo ID (0..253).</param>
/// <param name="Joint">Index of the joint in the <see cref="ISimulatedPlant"/>.</param>
/// <param name="ActualStepAtZero">
/// The encoder's raw step (before Homing_Offset) when the plant joint is at 0 rad: how the horn was mounted. A LeRobot
/// calibration of this arm gives <c>mid + homing_offset</c> here.
/// </param>
/// <param name="HomingOffset">Homing_Offset the servo holds at power-up (EEPROM).</param>
/// <param name="MinPositionLimit">Min_Position_Limit at power-up.</param>
/// <param name="MaxPositionLimit">Max_Position_Limit at power-up.</param>
public sealed record FeetechTwinServo(byte Id, int Joint, int ActualStepAtZero = 2048, int HomingOffset = 0, int MinPositionLimit = 0, int MaxPositionLimit = 4095);
