namespace Controller.Hardware.Devices;

/// <summary>Outcome of one bus transaction on the cycle path: a value, never an exception.</summary>
public enum BusStatus
{
    /// <summary>Done.</summary>
    Ok,

    /// <summary>No answer in time.</summary>
    Timeout,

    /// <summary>An answer failed its checksum or CRC.</summary>
    ChecksumError,

    /// <summary>A device did not answer at all or dropped off the bus.</summary>
    DeviceLost,

    /// <summary>The device reported a fault of its own (over-temperature, following error, ...).</summary>
    DeviceFault,

    /// <summary>The command was refused because the group is not Active (the driver was never called).</summary>
    NotActive,

    /// <summary>The command asked for a mode the group does not support.</summary>
    UnsupportedMode,
}
