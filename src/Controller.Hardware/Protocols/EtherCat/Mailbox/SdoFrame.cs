namespace Controller.Hardware.Protocols.EtherCat.Mailbox;

/// <summary>A decoded SDO message: a view into the mailbox bytes (nothing copied).</summary>
public readonly ref struct SdoFrame
{
    /// <summary>The mailbox header.</summary>
    public MailboxHeader Header { get; init; }

    /// <summary>SDO request or SDO response.</summary>
    public CoeService Service { get; init; }

    /// <summary>Which message.</summary>
    public SdoFrameKind Kind { get; init; }

    /// <summary>Object index (initiate and abort messages).</summary>
    public ushort Index { get; init; }

    /// <summary>Object subindex (initiate and abort messages).</summary>
    public byte SubIndex { get; init; }

    /// <summary>Complete access: the whole object from <see cref="SubIndex"/> (0 or 1) on.</summary>
    public bool CompleteAccess { get; init; }

    /// <summary>Toggle bit of segment messages.</summary>
    public bool Toggle { get; init; }

    /// <summary>Segment messages: no more segments follow.</summary>
    public bool LastSegment { get; init; }

    /// <summary>Normal transfers: the object's complete size in bytes; expedited: the data length.</summary>
    public uint CompleteSize { get; init; }

    /// <summary>Data carried (expedited value, first chunk, or segment).</summary>
    public ReadOnlySpan<byte> Data { get; init; }

    /// <summary>The abort code of an <see cref="SdoFrameKind.Abort"/>.</summary>
    public uint AbortCode { get; init; }
}
