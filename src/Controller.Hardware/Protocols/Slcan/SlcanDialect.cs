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

    /// <summary>
    /// CANable 2.0 firmware (normaldotcom canable2-fw): the <see cref="Canable"/> bit-rate table plus CAN FD lines
    /// <c>d</c>/<c>D</c> (no BRS) and <c>b</c>/<c>B</c> (BRS) and the data bit rate <c>Y1</c>/<c>Y2</c>/<c>Y4</c>/<c>Y5</c>
    /// (Mbit/s). Every accepted command, frame lines included, is answered with CR (slcan.c of canable2-fw).
    /// </summary>
    CanableFd,
}
