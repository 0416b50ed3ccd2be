namespace Controller.Hardware.Protocols.EtherCat;

/// <summary>What is wrong with received bytes that do not decode as an EtherCAT frame. A value, never an exception.</summary>
public enum EtherCatDecodeError
{
    /// <summary>Nothing: the frame (so far) decodes.</summary>
    None,

    /// <summary>Shorter than an Ethernet header plus the EtherCAT header.</summary>
    FrameTooShort,

    /// <summary>The EtherType is not 0x88A4 (after an optional 802.1Q tag).</summary>
    NotEtherCat,

    /// <summary>The EtherCAT header type is not 1 (datagrams); network variables and mailbox gateway frames are not handled.</summary>
    UnsupportedFrameType,

    /// <summary>The EtherCAT header's length runs past the end of the received bytes.</summary>
    FrameLengthExceedsFrame,

    /// <summary>The EtherCAT header's length is too small to hold even one datagram.</summary>
    NoDatagrams,

    /// <summary>Fewer than 10 bytes remain where a datagram header should start.</summary>
    DatagramHeaderTruncated,

    /// <summary>The command byte is above 14 (FRMW).</summary>
    UnknownCommand,

    /// <summary>The datagram's length (plus its working counter) runs past the EtherCAT header's length.</summary>
    DatagramDataTruncated,

    /// <summary>The last datagram (more-follows bit clear) ends before the EtherCAT header's length.</summary>
    TrailingBytesAfterLastDatagram,

    /// <summary>A datagram says more follow but it fills the EtherCAT header's length.</summary>
    MoreFollowsPastEnd,
}
