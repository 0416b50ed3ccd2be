namespace Controller.Runtime.Configuration;

/// <summary>A bus and the actuators on it (<c>buses:</c>); one bus transaction serves all of them each cycle.</summary>
/// <param name="Name">Name for messages and telemetry.</param>
/// <param name="Type">Protocol: "dynamixel" or "feetech".</param>
/// <param name="Port">Serial port path, or "sim" to start the bus's twin on a pseudo-terminal over the plant.</param>
/// <param name="Baud">Baud rate.</param>
/// <param name="OperatingMode">Actuator mode: "position", "extended_position", "current_position", "velocity", "current" (Feetech: "position" or "velocity").</param>
/// <param name="ReplyTimeoutMs">How long a cycle waits for replies.</param>
/// <param name="Servos">The actuators, in the model's joint order.</param>
/// <param name="CalibrationPath">Full path of a LeRobot calibration JSON (Feetech buses, <c>calibration:</c>), or null.</param>
public sealed record BusConfig(string Name, string Type, string Port, int Baud, string OperatingMode, double ReplyTimeoutMs, IReadOnlyList<ServoConfig> Servos, string? CalibrationPath = null)
{
    /// <summary>True when the runtime starts the bus's twin itself.</summary>
    public bool IsSimulated => Port == "sim";
}
