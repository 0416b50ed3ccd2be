namespace Controller.Hardware.Protocols.Feetech;

/// <summary>How a servo family lays out 2-byte memory-table values.</summary>
public enum FeetechByteOrder
{
    /// <summary>STS and SMS series (STS3215 of the SO-100/SO-101 arms): low byte first.</summary>
    LittleEndian,

    /// <summary>SCS series: high byte first.</summary>
    BigEndian,
}
