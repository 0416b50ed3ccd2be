namespace Controller.Runtime.Configuration;

/// <summary>A bus and the actuators on it (<c>buses:</c>); one bus transaction serves all of them each cycle.</summary>
/// <param name="Name">Name for messages and telemetry.</param>
/// <param name="Type">Protocol: "dynamixel", "feetech", "cia402-can", "mit-can" or "cia402-ethercat".</param>
/// <param name="Port">Serial port path, CAN or Ethernet interface (<c>interface:</c>), SLCAN adapter's serial port (<c>slcan:</c>), or "sim" to start the bus's twins over the plant.</param>
/// <param name="Baud">Baud rate (CAN buses: the bit rate; EtherCAT: 0).</param>
/// <param name="OperatingMode">Actuator mode: "position", "extended_position", "current_position", "velocity", "current" (Feetech: "position" or "velocity").</param>
/// <param name="ReplyTimeoutMs">How long a cycle waits for replies.</param>
/// <param name="Servos">The actuators, in the model's joint order.</param>
/// <param name="CalibrationPath">Full path of a LeRobot calibration JSON (Feetech buses, <c>calibration:</c>), or null.</param>
/// <param name="OverSlcan">CAN buses: <see cref="Port"/> is the serial port of an SLCAN adapter (<c>slcan:</c>), not a SocketCAN interface.</param>
/// <param name="FaultReaction">EtherCAT buses: "hold" (drives hold the latched position) or "disable" (torque off) once a fault stops the commands.</param>
/// <param name="DistributedClocks">EtherCAT buses: distributed clocks and SYNC0 (<c>distributed_clocks:</c>), or null.</param>
public sealed record BusConfig(
    string Name, string Type, string Port, int Baud, string OperatingMode, double ReplyTimeoutMs, IReadOnlyList<ServoConfig> Servos,
    string? CalibrationPath = null, bool OverSlcan = false, string FaultReaction = "hold", DistributedClocksConfig? DistributedClocks = null)
{
    /// <summary>True for the CAN bus types (<c>cia402-can</c>, <c>mit-can</c>).</summary>
    public bool IsCan => Type is "cia402-can" or "mit-can";

    /// <summary>True for <c>cia402-ethercat</c>.</summary>
    public bool IsEtherCat => Type == "cia402-ethercat";

    /// <summary>True when the runtime starts the bus's twin itself.</summary>
    public bool IsSimulated => Port == "sim";
}
