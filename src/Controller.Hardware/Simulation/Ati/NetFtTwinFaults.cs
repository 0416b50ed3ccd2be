namespace Controller.Hardware.Simulation.Ati;

/// <summary>Misbehaviour a simulated Net F/T shows on demand (<see cref="NetFtTwin.Faults"/>).</summary>
[Flags]
public enum NetFtTwinFaults
{
    /// <summary>Behaves.</summary>
    None = 0,

    /// <summary>Every other record is not sent (its RDT sequence number is used up, as when the network loses it).</summary>
    DropPackets = 1,

    /// <summary>Records carry the error bit (bit 31) in their status word.</summary>
    ErrorStatus = 2,

    /// <summary>Nothing is sent and requests are ignored (cable pulled, box rebooting).</summary>
    Silence = 4,
}
