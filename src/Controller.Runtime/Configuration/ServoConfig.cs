namespace Controller.Runtime.Configuration;

/// <summary>One actuator on a bus and the joint it drives.</summary>
/// <param name="Id">Bus address (Dynamixel id).</param>
/// <param name="Model">Model name (e.g. XM430-W350).</param>
/// <param name="Joint">URDF joint name.</param>
/// <param name="GearRatio">Motor turns per joint turn (≠ 0).</param>
/// <param name="OffsetRad">Joint position when the motor reads zero.</param>
/// <param name="Direction">+1, or −1 when the motor turns against the joint axis.</param>
public sealed record ServoConfig(int Id, string Model, string Joint, double GearRatio, double OffsetRad, int Direction);
