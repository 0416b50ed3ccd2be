namespace Controller.Hardware.Devices.EtherCat;

/// <summary>Outcome of one datagram exchange on an <see cref="EtherCatPort"/>.</summary>
public enum ExchangeStatus
{
    /// <summary>The reply came back with the expected working counter.</summary>
    Ok,
    /// <summary>The reply came back but with another working counter (see the port's last error).</summary>
    WorkingCounterMismatch,
    /// <summary>No matching reply within the timeout, after every retry.</summary>
    Timeout,
    /// <summary>The transport failed to send.</summary>
    SendFailed,
}
