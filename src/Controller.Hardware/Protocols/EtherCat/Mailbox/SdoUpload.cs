namespace Controller.Hardware.Protocols.EtherCat.Mailbox;

/// <summary>
/// Client side of one SDO upload (read): initiate, then as many upload segments as the slave needs.
/// Usage: <c>WriteRequest</c> into SM0, read SM1, <c>Accept</c> it; repeat while <see cref="SdoTransferStatus.InProgress"/>.
/// Handles expedited, normal and segmented responses (ETG.1000.6 §5.6.2.4–5.6.2.6). Not for the cyclic path.
/// </summary>
public sealed class SdoUpload
{
    private readonly MemoryStream _data = new();
    private bool _initiated;
    private bool _toggle;
    private uint _expectedSize;
    private bool _sizeKnown;

    /// <summary>Object index.</summary>
    public ushort Index { get; }

    /// <summary>Subindex.</summary>
    public byte SubIndex { get; }

    /// <summary>Complete access to the whole object.</summary>
    public bool CompleteAccess { get; }

    /// <summary>The slave's abort code after <see cref="SdoTransferStatus.Aborted"/>.</summary>
    public uint AbortCode { get; private set; }

    /// <summary>What was wrong after <see cref="SdoTransferStatus.ProtocolError"/>.</summary>
    public string? ProtocolProblem { get; private set; }

    /// <summary>The abort code the master should send after a protocol error.</summary>
    public uint SuggestedAbortCode { get; private set; }

    /// <summary>Starts a transfer.</summary>
    public SdoUpload(ushort index, byte subIndex, bool completeAccess = false)
    {
        Index = index;
        SubIndex = subIndex;
        CompleteAccess = completeAccess;
    }

    /// <summary>The data received so far (all of it after <see cref="SdoTransferStatus.Completed"/>).</summary>
    public byte[] Data => _data.ToArray();

    /// <summary>Writes the next request (initiate first, then segment requests); returns the bytes written.</summary>
    public int WriteRequest(Span<byte> mailbox, byte counter) => _initiated
        ? SdoWriter.UploadSegmentRequest(mailbox, counter, _toggle)
        : SdoWriter.UploadRequest(mailbox, counter, Index, SubIndex, CompleteAccess);

    /// <summary>Consumes the slave's response mailbox.</summary>
    public SdoTransferStatus Accept(ReadOnlySpan<byte> response)
    {
        var error = SdoReader.TryDecode(response, out var f);
        if (error != MailboxDecodeError.None)
            return Fail($"response does not decode: {error}", (uint)SdoAbortCode.GeneralError);
        if (f.Kind == SdoFrameKind.Abort)
        {
            AbortCode = f.AbortCode;
            return SdoTransferStatus.Aborted;
        }
        if (!_initiated)
        {
            if (f.Kind is not (SdoFrameKind.UploadExpeditedResponse or SdoFrameKind.UploadNormalResponse))
                return Fail($"expected an upload response, got {f.Kind}", (uint)SdoAbortCode.InvalidCommandSpecifier);
            if (f.Index != Index || f.SubIndex != SubIndex)
                return Fail($"response is for 0x{f.Index:X4}:{f.SubIndex}, not 0x{Index:X4}:{SubIndex}", (uint)SdoAbortCode.GeneralError);
            _initiated = true;
            _data.Write(f.Data);
            if (f.Kind == SdoFrameKind.UploadExpeditedResponse)
                return SdoTransferStatus.Completed;
            _expectedSize = f.CompleteSize;
            _sizeKnown = (response[SdoLayout.CommandOffset] & SdoLayout.SizeIndicatedOrLastBit) != 0;
            return _sizeKnown && _data.Length >= _expectedSize ? SdoTransferStatus.Completed : SdoTransferStatus.InProgress;
        }
        if (f.Kind != SdoFrameKind.UploadSegmentResponse)
            return Fail($"expected an upload segment, got {f.Kind}", (uint)SdoAbortCode.InvalidCommandSpecifier);
        if (f.Toggle != _toggle)
            return Fail("upload segment toggle bit did not alternate", (uint)SdoAbortCode.ToggleBitNotChanged);
        _data.Write(f.Data);
        _toggle = !_toggle;
        if (_sizeKnown && _data.Length > _expectedSize)
            return Fail($"received {_data.Length} bytes, more than the announced {_expectedSize}", (uint)SdoAbortCode.LengthTooHigh);
        if (!f.LastSegment)
            return SdoTransferStatus.InProgress;
        if (_sizeKnown && _data.Length != _expectedSize)
            return Fail($"received {_data.Length} bytes, announced {_expectedSize}", (uint)SdoAbortCode.LengthTooLow);
        return SdoTransferStatus.Completed;
    }

    private SdoTransferStatus Fail(string problem, uint abortCode)
    {
        ProtocolProblem = problem;
        SuggestedAbortCode = abortCode;
        return SdoTransferStatus.ProtocolError;
    }
}
