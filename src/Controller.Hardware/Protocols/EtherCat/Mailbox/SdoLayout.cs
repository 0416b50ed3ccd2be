namespace Controller.Hardware.Protocols.EtherCat.Mailbox;

/// <summary>Offsets and command bits of CoE SDO messages inside a mailbox (ETG.1000.6 §5.6.2; bits per CiA 301).</summary>
public static class SdoLayout
{
    /// <summary>Offset of the 2-byte CoE header.</summary>
    public const int CoeHeaderOffset = MailboxHeader.Bytes;

    /// <summary>Offset of the SDO command byte.</summary>
    public const int CommandOffset = CoeHeaderOffset + 2;

    /// <summary>Offset of the object index (initiate/abort).</summary>
    public const int IndexOffset = CommandOffset + 1;

    /// <summary>Offset of the subindex (initiate/abort).</summary>
    public const int SubIndexOffset = CommandOffset + 3;

    /// <summary>Offset of the 4-byte expedited data, complete size or abort code.</summary>
    public const int ValueOffset = CommandOffset + 4;

    /// <summary>Offset of the data of a normal (non-expedited) initiate message.</summary>
    public const int NormalDataOffset = ValueOffset + 4;

    /// <summary>Offset of segment data.</summary>
    public const int SegmentDataOffset = CommandOffset + 1;

    /// <summary>Mailbox length (after the header) of an initiate or abort message: CoE header + 8 bytes.</summary>
    public const int InitiateLength = 10;

    /// <summary>Bytes of a mailbox holding an initiate or abort message.</summary>
    public const int InitiateBytes = MailboxHeader.Bytes + InitiateLength;

    /// <summary>Segments shorter than this are padded and say how many bytes are unused.</summary>
    public const int MinimumSegmentDataBytes = 7;

    /// <summary>Command byte of an abort.</summary>
    public const byte AbortCommand = 0x80;

    /// <summary>Command bit 4: complete access (initiate) or toggle (segments).</summary>
    public const byte CompleteAccessOrToggleBit = 0x10;

    /// <summary>Command bit 1: expedited.</summary>
    public const byte ExpeditedBit = 0x02;

    /// <summary>Command bit 0: size indicated (initiate) or last segment (segments).</summary>
    public const byte SizeIndicatedOrLastBit = 0x01;
}
