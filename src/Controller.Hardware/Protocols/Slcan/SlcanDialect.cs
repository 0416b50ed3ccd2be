namespace Controller.Hardware.Protocols.Slcan;

/// <summary>
/// Which SLCAN firmware family an adapter runs; they agree on frames but not on every detail.
/// </summary>
public enum SlcanDialect
{
    /// <summary>
    /// The Lawicel CAN232/CANUSB protocol as documented: S7 = 800 kbit/s, a transmitted <c>t</c>/<c>T</c> is
    /// acknowledged with <c>z\r</c>/<c>Z\r</c>.
    /// </summary>
    Lawicel,

    /// <summary>
    /// CANable / candleLight-slcan / CANtact firmware: S7 = 750 kbit/s, S9 = 83.3 kbit/s (CANable 2.0), and no
    /// <c>z</c>/<c>Z</c> acknowledgement for transmitted frames.
    /// </summary>
    Canable,
}
