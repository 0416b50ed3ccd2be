namespace Controller.Hardware.Protocols.EtherCat.Sii;

/// <summary>Mailbox protocols a slave supports (SII word 0x1C, ETG.1000.6 §5.4).</summary>
[Flags]
public enum MailboxProtocols : ushort
{
    /// <summary>No mailbox.</summary>
    None = 0,

    /// <summary>ADS over EtherCAT.</summary>
    AoE = 0x01,

    /// <summary>Ethernet over EtherCAT.</summary>
    EoE = 0x02,

    /// <summary>CANopen over EtherCAT.</summary>
    CoE = 0x04,

    /// <summary>File access over EtherCAT.</summary>
    FoE = 0x08,

    /// <summary>Servo drive profile over EtherCAT.</summary>
    SoE = 0x10,

    /// <summary>Vendor-specific over EtherCAT.</summary>
    VoE = 0x20,
}
