namespace Controller.Hardware.Simulation.Feetech;

/// <summary>Misbehaviour a simulated Feetech servo shows on demand (<see cref="FeetechChainTwin.InjectFault"/>).</summary>
[Flags]
public enum FeetechTwinFaults
{
    /// <summary>Behaves.</summary>
    None = 0,

    /// <summary>Executes instructions but never answers (a broken data line towards the host).</summary>
    NoReply = 1,

    /// <summary>Answers with a wrong checksum (noise on the line).</summary>
    CorruptChecksum = 2,

    /// <summary>Overload protection: torque released and the overload bit (0x20) in every status until Torque_Enable is written.</summary>
    Overload = 4,

    /// <summary>Every status carries the given error bits of <see cref="FeetechServoTwin.ErrorBits"/> set through <see cref="FeetechChainTwin.SetErrorBits"/> (voltage, angle, overheat, ...).</summary>
    ErrorBits = 8,
}
