namespace Controller.Hardware.Protocols.EtherCat.Mailbox;

/// <summary>Why mailbox bytes did not decode as an SDO message. A value, never an exception.</summary>
public enum MailboxDecodeError
{
    /// <summary>Decoded.</summary>
    None,
    /// <summary>Fewer than 6 bytes: no mailbox header.</summary>
    TooShort,
    /// <summary>The header's length runs past the buffer.</summary>
    LengthExceedsBuffer,
    /// <summary>Not a CoE mailbox (see the header's type; type 0 is a mailbox error reply).</summary>
    NotCoe,
    /// <summary>Fewer than 2 bytes for the CoE header.</summary>
    CoeHeaderTruncated,
    /// <summary>A CoE service other than SDO request/response (emergency, PDO, SDO information).</summary>
    UnsupportedCoeService,
    /// <summary>The SDO message is shorter than its command requires.</summary>
    SdoTruncated,
    /// <summary>The command specifier is not valid in this direction.</summary>
    UnknownCommandSpecifier,
    /// <summary>Sizes disagree (data longer than the complete size, or n set on a long segment).</summary>
    InconsistentSize,
}
