namespace Controller.Hardware.Devices.EtherCat;

/// <summary>Outcome of one process-data cycle: a value for the cyclic path, never an exception.</summary>
public enum CycleStatus
{
    /// <summary>The frame came back with every expected working counter.</summary>
    Ok,
    /// <summary>The frame came back but some slave did not read or write its data (see the last working-counter error).</summary>
    WorkingCounterMismatch,
    /// <summary>No reply within the timeout: the frame was lost.</summary>
    Lost,
    /// <summary>The transport refused to send.</summary>
    SendFailed,
}
