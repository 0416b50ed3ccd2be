namespace Controller.Hardware.Protocols.EtherCat.Mailbox;

/// <summary>Mailbox protocol type, low 4 bits of mailbox header byte 5 (ETG.1000.6 §5.6).</summary>
public enum MailboxType : byte
{
    /// <summary>Mailbox error reply (the slave could not process a mailbox).</summary>
    Error = 0,
    /// <summary>ADS over EtherCAT.</summary>
    AoE = 1,
    /// <summary>Ethernet over EtherCAT.</summary>
    EoE = 2,
    /// <summary>CANopen over EtherCAT.</summary>
    CoE = 3,
    /// <summary>File access over EtherCAT.</summary>
    FoE = 4,
    /// <summary>Servo profile over EtherCAT.</summary>
    SoE = 5,
    /// <summary>Vendor specific.</summary>
    VoE = 15,
}
