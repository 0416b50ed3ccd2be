namespace Controller.Hardware.Simulation.Dynamixel;

/// <summary>Misbehaviour a simulated servo shows on demand (<see cref="DynamixelChainTwin.InjectFault"/>).</summary>
[Flags]
public enum DynamixelTwinFaults
{
    /// <summary>Behaves.</summary>
    None = 0,

    /// <summary>Executes instructions but never answers (a broken data line towards the host).</summary>
    NoReply = 1,

    /// <summary>Answers with a wrong CRC (noise on the line).</summary>
    CorruptCrc = 2,

    /// <summary>
    /// Overload: Hardware Error Status gets its overload bit, torque goes off (as the Shutdown setting demands) and
    /// every status packet carries the alert bit, until a Reboot instruction.
    /// </summary>
    Overload = 4,

    /// <summary>Answers every instruction with error number 3 (CRC Error), as when noise damages what the host sends.</summary>
    DamagedRequests = 8,
}
