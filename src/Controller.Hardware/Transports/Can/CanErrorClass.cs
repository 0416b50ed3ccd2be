namespace Controller.Hardware.Transports.Can;

/// <summary>
/// The class bits of an error frame's identifier. The values are those of Linux <c>include/uapi/linux/can/error.h</c>
/// (a public ABI), so SocketCAN error frames map one to one and the virtual bus produces the same shapes.
/// </summary>
[Flags]
public enum CanErrorClass : uint
{
    /// <summary>No class.</summary>
    None = 0,

    /// <summary>Transmission timed out (CAN_ERR_TX_TIMEOUT).</summary>
    TransmitTimeout = 0x001,

    /// <summary>Lost arbitration (CAN_ERR_LOSTARB).</summary>
    LostArbitration = 0x002,

    /// <summary>Controller problem, e.g. error-passive or overflow; details in data byte 1 (CAN_ERR_CRTL).</summary>
    Controller = 0x004,

    /// <summary>Protocol violation: bit, stuff, form or CRC error (CAN_ERR_PROT).</summary>
    Protocol = 0x008,

    /// <summary>Transceiver status (CAN_ERR_TRX).</summary>
    Transceiver = 0x010,

    /// <summary>No acknowledgement on transmission: nobody else on the bus (CAN_ERR_ACK).</summary>
    NoAcknowledge = 0x020,

    /// <summary>The controller went bus-off (CAN_ERR_BUSOFF).</summary>
    BusOff = 0x040,

    /// <summary>Bus error (CAN_ERR_BUSERROR).</summary>
    BusError = 0x080,

    /// <summary>The controller restarted after bus-off (CAN_ERR_RESTARTED).</summary>
    Restarted = 0x100,
}
