namespace Controller.Hardware.Transports.Can;

/// <summary>What kind of CAN frame a <see cref="CanFrame"/> is. Values are this library's own, not a wire encoding.</summary>
[Flags]
public enum CanFrameFlags : byte
{
    /// <summary>A classic data frame with an 11-bit identifier.</summary>
    None = 0,

    /// <summary>29-bit (CAN 2.0B) identifier.</summary>
    Extended = 1,

    /// <summary>Remote transmission request: no data bytes, <see cref="CanFrame.Length"/> is the requested length.</summary>
    Remote = 2,

    /// <summary>
    /// An error frame reported by the controller, not a frame on the wire: <see cref="CanFrame.Id"/> holds the
    /// <see cref="CanErrorClass"/> bits (the same values as Linux <c>CAN_ERR_*</c>), the data bytes the details.
    /// </summary>
    Error = 4,

    /// <summary>A CAN FD frame (FDF bit; <see cref="CanFdFrame"/>, up to 64 data bytes); never set on a classic <see cref="CanFrame"/>.</summary>
    FlexibleDataRate = 8,

    /// <summary>CAN FD bit-rate switch (BRS): the data phase runs at the data bit rate.</summary>
    BitRateSwitch = 16,

    /// <summary>CAN FD error state indicator (ESI): the transmitter was error passive.</summary>
    ErrorStateIndicator = 32,
}
