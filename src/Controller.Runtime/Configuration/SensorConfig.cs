namespace Controller.Runtime.Configuration;

/// <summary>A six-axis force/torque sensor (<c>sensors:</c>).</summary>
/// <param name="Name">Name for messages and telemetry.</param>
/// <param name="Type">"ft300" (serial) or "netft" (UDP).</param>
/// <param name="Port">Serial port, host, or "sim" for the twin over the plant.</param>
/// <param name="Link">The URDF link the sensor's frame is.</param>
public sealed record SensorConfig(string Name, string Type, string Port, string Link);
