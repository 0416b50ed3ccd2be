namespace Controller.Hardware.Protocols.EtherCat.Sii;

/// <summary>The identity of a slave (SII words 0x08..0x0F, also CoE object 0x1018).</summary>
/// <param name="VendorId">ETG vendor id (2 = Beckhoff Automation).</param>
/// <param name="ProductCode">Vendor-specific product code.</param>
/// <param name="RevisionNumber">Revision.</param>
/// <param name="SerialNumber">Serial number (0 when the vendor does not program one).</param>
public readonly record struct SlaveIdentity(uint VendorId, uint ProductCode, uint RevisionNumber, uint SerialNumber)
{
    /// <summary>"vendor 0x00000002 product 0x07D43052 rev 0x00100000".</summary>
    public override string ToString() => $"vendor 0x{VendorId:X8} product 0x{ProductCode:X8} rev 0x{RevisionNumber:X8} serial {SerialNumber}";
}
