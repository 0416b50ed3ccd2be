namespace Controller.Hardware.Protocols.EtherCat.Mailbox;

/// <summary>Where an SDO transfer stands after a response was accepted.</summary>
public enum SdoTransferStatus
{
    /// <summary>More segments: write the next request and exchange again.</summary>
    InProgress,
    /// <summary>Finished successfully.</summary>
    Completed,
    /// <summary>The slave aborted; see the transfer's abort code.</summary>
    Aborted,
    /// <summary>The response did not fit the transfer (bad bytes, wrong object, wrong toggle); the master should send an abort.</summary>
    ProtocolError,
}
