using Controller.Hardware.Protocols.Dynamixel;

namespace Controller.Hardware.Devices.Dynamixel;

/// <summary>One servo of a group: its bus ID and the model it must report on Open.</summary>
/// <param name="Id">Dynamixel ID (0..252).</param>
/// <param name="Model">Expected model (see <see cref="DynamixelModels"/>).</param>
public sealed record DynamixelServoConfig(byte Id, DynamixelModel Model);
