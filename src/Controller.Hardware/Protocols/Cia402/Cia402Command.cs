namespace Controller.Hardware.Protocols.Cia402;

/// <summary>The device control commands a controlword encodes (CiA 402-2, controlword command table).</summary>
public enum Cia402Command
{
    /// <summary>No command can be read from the controlword (for example a fault reset without a rising edge in a non-fault state is just its other bits).</summary>
    None = 0,

    /// <summary>Shutdown (bits 2,1 = 1, bit 0 = 0): transitions 2, 6, 8.</summary>
    Shutdown,

    /// <summary>Switch on (bits 2,1,0 = 1, bit 3 = 0): transition 3; the same bits are "disable operation" (transition 5).</summary>
    SwitchOn,

    /// <summary>Enable operation (bits 3..0 = 1): transitions 4, 16, and 3+4 from ready to switch on.</summary>
    EnableOperation,

    /// <summary>Disable voltage (bit 1 = 0): transitions 7, 9, 10, 12.</summary>
    DisableVoltage,

    /// <summary>Quick stop (bit 1 = 1, bit 2 = 0): transitions 7, 10, 11.</summary>
    QuickStop,

    /// <summary>Fault reset (rising edge of bit 7): transition 15.</summary>
    FaultReset,
}
