namespace Controller.Hardware.Simulation.Robotiq;

/// <summary>Misbehaviour a simulated FT 300 shows on demand (<see cref="Ft300Twin.Faults"/>).</summary>
[Flags]
public enum Ft300TwinFaults
{
    /// <summary>Behaves.</summary>
    None = 0,

    /// <summary>Never answers Modbus requests (a broken line towards the host); the stream is unaffected.</summary>
    NoReply = 1,

    /// <summary>Every Modbus reply and stream frame goes out with a wrong CRC.</summary>
    CorruptCrc = 2,

    /// <summary>The stream stops (frozen firmware) while the sensor still thinks it streams.</summary>
    StopStreaming = 4,

    /// <summary>Neither answers nor streams, and discards what it receives (cable pulled).</summary>
    Disconnected = 8,
}
