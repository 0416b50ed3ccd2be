namespace Controller.Hardware.Protocols.Slcan;

/// <summary>What one decoded SLCAN line from the adapter is.</summary>
public enum SlcanMessageKind
{
    /// <summary>A received CAN frame (<c>t</c>, <c>T</c>, <c>r</c>, <c>R</c>), optionally with a timestamp.</summary>
    Frame,

    /// <summary>A bare carriage return: the previous command was accepted.</summary>
    Ok,

    /// <summary>BEL (0x07): the previous command was refused.</summary>
    Error,

    /// <summary><c>z</c> or <c>Z</c>: a Lawicel adapter queued the frame it was asked to send.</summary>
    TransmitAck,

    /// <summary><c>Vhhss</c>: hardware and software version (two bytes as four hex digits).</summary>
    Version,

    /// <summary><c>Fxx</c>: status flags (bit 0 RX FIFO full, 1 TX FIFO full, 2 error warning, 3 data overrun, 5 error passive, 6 arbitration lost, 7 bus error).</summary>
    StatusFlags,

    /// <summary>A received CAN FD frame (<c>d</c>, <c>D</c>, <c>b</c>, <c>B</c>, CANable 2.0 firmware), optionally with a timestamp.</summary>
    FdFrame,
}
