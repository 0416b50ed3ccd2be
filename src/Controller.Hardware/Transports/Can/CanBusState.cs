namespace Controller.Hardware.Transports.Can;

/// <summary>
/// Fault confinement state of a CAN controller (ISO 11898-1 §12): derived from its transmit and receive error
/// counters. Only <see cref="BusOff"/> stops the node from sending.
/// </summary>
public enum CanBusState
{
    /// <summary>Both error counters below 96: normal operation.</summary>
    ErrorActive,

    /// <summary>An error counter reached 96: a warning, still sending normally.</summary>
    ErrorWarning,

    /// <summary>An error counter above 127: the node sends only passive error flags.</summary>
    ErrorPassive,

    /// <summary>Transmit error counter above 255: the node is off the bus until restarted.</summary>
    BusOff,

    /// <summary>The channel is closed or not yet open.</summary>
    Closed,
}
