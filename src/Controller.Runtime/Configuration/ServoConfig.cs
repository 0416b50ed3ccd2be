namespace Controller.Runtime.Configuration;

/// <summary>One actuator on a bus and the joint it drives.</summary>
/// <param name="Id">Bus address: Dynamixel/Feetech id, CANopen node-ID, MIT motor id, or EtherCAT slave position (0 = first slave on the wire).</param>
/// <param name="Model">Model name (e.g. XM430-W350, CubeMars AK80-9; "" for CiA 402 drives).</param>
/// <param name="Joint">URDF joint name.</param>
/// <param name="GearRatio">Motor turns per joint turn (≠ 0).</param>
/// <param name="OffsetRad">Joint position when the motor reads zero.</param>
/// <param name="Direction">+1, or −1 when the motor turns against the joint axis.</param>
/// <param name="IncrementsPerRev">CiA 402 drives: encoder increments per motor revolution (0 otherwise).</param>
/// <param name="RatedTorqueNm">CiA 402 drives: rated motor torque (0x6076, N·m), the unit of the drive's per-mille torques (0 otherwise).</param>
public sealed record ServoConfig(int Id, string Model, string Joint, double GearRatio, double OffsetRad, int Direction, double IncrementsPerRev = 0, double RatedTorqueNm = 0);
