namespace Controller.Hardware.Protocols.CanOpen;

/// <summary>The communication objects of the CiA 301 predefined connection set (§7.3.3, table 43), by function code.</summary>
public enum CanOpenFunction
{
    /// <summary>Not a predefined-connection-set identifier.</summary>
    Unknown = 0,

    /// <summary>NMT node control, COB-ID 0x000.</summary>
    Nmt,

    /// <summary>SYNC, COB-ID 0x080.</summary>
    Sync,

    /// <summary>Emergency, 0x080 + node.</summary>
    Emergency,

    /// <summary>Transmit PDO 1..4, 0x180/0x280/0x380/0x480 + node (drive → master).</summary>
    Tpdo,

    /// <summary>Receive PDO 1..4, 0x200/0x300/0x400/0x500 + node (master → drive).</summary>
    Rpdo,

    /// <summary>SDO server → client response, 0x580 + node.</summary>
    SdoResponse,

    /// <summary>SDO client → server request, 0x600 + node.</summary>
    SdoRequest,

    /// <summary>NMT error control: heartbeat and boot-up, 0x700 + node.</summary>
    Heartbeat,
}
