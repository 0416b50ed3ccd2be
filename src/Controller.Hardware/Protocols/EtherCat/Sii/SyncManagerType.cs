namespace Controller.Hardware.Protocols.EtherCat.Sii;

/// <summary>What a sync manager is used for (SII SyncM category byte 7).</summary>
public enum SyncManagerType : byte
{
    /// <summary>Not used or unknown.</summary>
    Unused = 0,

    /// <summary>Mailbox, master to slave (usually SM0).</summary>
    MailboxOut = 1,

    /// <summary>Mailbox, slave to master (usually SM1).</summary>
    MailboxIn = 2,

    /// <summary>Process data outputs, master to slave.</summary>
    Outputs = 3,

    /// <summary>Process data inputs, slave to master.</summary>
    Inputs = 4,
}
