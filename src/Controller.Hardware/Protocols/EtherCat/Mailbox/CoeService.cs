namespace Controller.Hardware.Protocols.EtherCat.Mailbox;

/// <summary>CoE service, top 4 bits of the 2-byte CoE header that follows a CoE mailbox header (ETG.1000.6 §5.6.2).</summary>
public enum CoeService : byte
{
    /// <summary>Emergency message from the slave.</summary>
    Emergency = 1,
    /// <summary>SDO request (master to slave, or a slave's request to the master).</summary>
    SdoRequest = 2,
    /// <summary>SDO response.</summary>
    SdoResponse = 3,
    /// <summary>TxPDO over mailbox.</summary>
    TxPdo = 4,
    /// <summary>RxPDO over mailbox.</summary>
    RxPdo = 5,
    /// <summary>TxPDO remote request.</summary>
    TxPdoRemoteRequest = 6,
    /// <summary>RxPDO remote request.</summary>
    RxPdoRemoteRequest = 7,
    /// <summary>SDO information service (object dictionary listing).</summary>
    SdoInformation = 8,
}
