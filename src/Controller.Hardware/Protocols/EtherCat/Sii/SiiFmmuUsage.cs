namespace Controller.Hardware.Protocols.EtherCat.Sii;

/// <summary>What an FMMU is meant for (one byte per FMMU in the FMMU category, type 40).</summary>
public enum SiiFmmuUsage : byte
{
    /// <summary>Not used.</summary>
    Unused = 0,

    /// <summary>Maps outputs (RxPDO data).</summary>
    Outputs = 1,

    /// <summary>Maps inputs (TxPDO data).</summary>
    Inputs = 2,

    /// <summary>Maps a sync manager's status (mailbox state polling).</summary>
    SyncManagerStatus = 3,

    /// <summary>Not used (the value 0xFF the EEPROM is erased to).</summary>
    NotUsed = 0xFF,
}
