namespace Controller.Hardware.Protocols.EtherCat.Sii;

/// <summary>Category type words of the SII EEPROM (ETG.1000.6 §5.4 table "Category types"; ETG.2010).</summary>
public enum SiiCategoryType : ushort
{
    /// <summary>No information (skipped).</summary>
    Nop = 0,

    /// <summary>String repository, referenced by 1-based index from other categories.</summary>
    Strings = 10,

    /// <summary>Data types (reserved for future use).</summary>
    DataTypes = 20,

    /// <summary>General information: names, mailbox protocol details, E-bus current, ports.</summary>
    General = 30,

    /// <summary>One byte per FMMU saying what it is meant for.</summary>
    Fmmu = 40,

    /// <summary>Sync manager configuration, 8 bytes each.</summary>
    SyncManager = 41,

    /// <summary>FMMU extension (kept raw).</summary>
    FmmuExtension = 42,

    /// <summary>Sync unit assignment (kept raw).</summary>
    SyncUnit = 43,

    /// <summary>Input PDO descriptions (slave to master).</summary>
    TxPdo = 50,

    /// <summary>Output PDO descriptions (master to slave).</summary>
    RxPdo = 51,

    /// <summary>Distributed-clock operation modes, 24 bytes each.</summary>
    DistributedClock = 60,

    /// <summary>Marks the end of the category list.</summary>
    End = 0xFFFF,
}
