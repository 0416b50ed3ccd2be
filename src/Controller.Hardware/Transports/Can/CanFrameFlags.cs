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

    /// <summary>Reserved for CAN FD (a later frame type with up to 64 data bytes); never set on a classic frame.</summary>
    FlexibleDataRate = 8,

    /// <summary>Reserved for CAN FD bit-rate switch.</summary>
    BitRateSwitch = 16,
}
