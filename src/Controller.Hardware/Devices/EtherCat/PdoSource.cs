namespace Controller.Hardware.Devices.EtherCat;

/// <summary>Where the group takes each slave's PDO assignment from when it plans the process image.</summary>
public enum PdoSource
{
    /// <summary>CoE 0x1C1n when the SII says the slave supports CoE PDO assignment (General CoE details bit 2), else the SII.</summary>
    Auto,
    /// <summary>Always the SII's TxPDO/RxPDO categories.</summary>
    Sii,
    /// <summary>Always CoE 0x1C1n and the mapping objects (slaves without CoE use the SII).</summary>
    Coe,
}
