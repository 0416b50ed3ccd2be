namespace Controller.Hardware.Protocols.CanOpen;

/// <summary>What a scan learned about one node.</summary>
/// <param name="NodeId">The node-ID.</param>
/// <param name="State">Its NMT state from a heartbeat seen during the scan; <see cref="NmtState.Unknown"/> when none.</param>
/// <param name="DeviceType">0x1000 (low 16 bits: the device profile, 402 for drives).</param>
/// <param name="VendorId">0x1018:1, 0 when not readable.</param>
/// <param name="ProductCode">0x1018:2, 0 when not readable.</param>
/// <param name="RevisionNumber">0x1018:3, 0 when not readable.</param>
/// <param name="SerialNumber">0x1018:4, 0 when not readable.</param>
/// <param name="DeviceName">0x1008, empty when not readable.</param>
public sealed record CanOpenNodeInfo(
    byte NodeId, NmtState State, uint DeviceType, uint VendorId, uint ProductCode, uint RevisionNumber, uint SerialNumber, string DeviceName)
{
    /// <summary>The device profile number (CiA 301: low 16 bits of 0x1000).</summary>
    public int Profile => (int)(DeviceType & 0xFFFF);
}
