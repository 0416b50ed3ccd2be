namespace Controller.Hardware.Protocols.Mit;

/// <summary>How an actuator family lays out its MIT-mode reply; the position/velocity/torque packing is common.</summary>
public enum MitReplyLayout
{
    /// <summary>
    /// Mini cheetah controller (Ben Katz): 6 bytes [id, p 16b, v 12b, torque 12b]; no temperature or error.
    /// </summary>
    Katz6,

    /// <summary>
    /// CubeMars AK (MIT mode): 8 bytes [id, p 16b, v 12b, torque 12b, temperature (°C + 40), error code].
    /// Error codes: 0 none, 1 motor over-temperature, 2 over-current, 3 over-voltage, 4 under-voltage, 5 encoder,
    /// 6 MOSFET over-temperature, 7 motor stall.
    /// </summary>
    CubeMars8,

    /// <summary>
    /// Damiao DM: 8 bytes [error &lt;&lt; 4 | id, p 16b, v 12b, torque 12b, MOSFET °C, rotor °C]. State nibble: 0 disabled,
    /// 1 enabled, 8 over-voltage, 9 under-voltage, A over-current, B MOSFET over-temperature, C coil over-temperature,
    /// D communication lost, E overload.
    /// </summary>
    Damiao8,
}
