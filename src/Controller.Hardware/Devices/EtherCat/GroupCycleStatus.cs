namespace Controller.Hardware.Devices.EtherCat;

/// <summary>Outcome of one <see cref="EtherCatGroup.Exchange"/>: a value for the cyclic path, never an exception.</summary>
public enum GroupCycleStatus
{
    /// <summary>The frame came back complete and every slave is in the group's state.</summary>
    Ok,
    /// <summary>The frame did not come back in time.</summary>
    Lost,
    /// <summary>The frame came back, but some slave did not read or write its data (missing, or its SMs are off).</summary>
    WorkingCounterMismatch,
    /// <summary>Some slave is not in the group's state or has its AL error flag set (e.g. fell to SAFE-OP with a code).</summary>
    SlaveNotOperational,
    /// <summary>The transport refused to send.</summary>
    SendFailed,
    /// <summary>The group exchanges no process data in its state (INIT, PRE-OP, stopped).</summary>
    NotRunning,
}
