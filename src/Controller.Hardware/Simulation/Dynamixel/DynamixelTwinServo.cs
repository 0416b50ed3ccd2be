using Controller.Hardware.Protocols.Dynamixel;

namespace Controller.Hardware.Simulation.Dynamixel;

/// <summary>One servo of a simulated chain: its ID, its model, and the plant joint it drives.</summary>
/// <param name="Id">Dynamixel ID (0..252).</param>
/// <param name="Model">Model; sets the model number it reports, its units and its torque limit.</param>
/// <param name="Joint">Index of the joint in the <see cref="ISimulatedPlant"/>.</param>
public sealed record DynamixelTwinServo(byte Id, DynamixelModel Model, int Joint);
