namespace Controller.Hardware.Protocols.Ati;

/// <summary>One RDT response record: sequence numbers, status word and the six raw counts.</summary>
/// <param name="RdtSequence">Position of this packet in the RDT stream (increments per packet; gaps = lost packets).</param>
/// <param name="FtSequence">Internal sample number of the measurement.</param>
/// <param name="Status">System status code; 0 is healthy, bit 31 set means an error.</param>
/// <param name="ForceX">Fx counts.</param>
/// <param name="ForceY">Fy counts.</param>
/// <param name="ForceZ">Fz counts.</param>
/// <param name="TorqueX">Tx counts.</param>
/// <param name="TorqueY">Ty counts.</param>
/// <param name="TorqueZ">Tz counts.</param>
public readonly record struct RdtRecord(
    uint RdtSequence, uint FtSequence, uint Status, int ForceX, int ForceY, int ForceZ, int TorqueX, int TorqueY, int TorqueZ)
{
    /// <summary>The status bit that signals an error condition.</summary>
    public const uint ErrorBit = 0x8000_0000;

    /// <summary>True when the status word reports an error.</summary>
    public bool HasError => (Status & ErrorBit) != 0;
}
