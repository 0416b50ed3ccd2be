namespace Controller.Hardware.Protocols.EtherCat.Mailbox;

/// <summary>
/// Client side of one SDO download (write): expedited when the data has 1..4 bytes, otherwise normal with as
/// much data as the mailbox holds, then download segments for the rest (ETG.1000.6 §5.6.2.1–5.6.2.3).
/// Usage as <see cref="SdoUpload"/>. Not for the cyclic path.
/// </summary>
public sealed class SdoDownload
{
    private readonly byte[] _data;
    private readonly int _mailboxBytes;
    private int _sent;
    private int _inFlight;
    private bool _initiated;
    private bool _toggle;
    private bool _segmentSent;

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

    /// <summary>Starts a transfer of <paramref name="data"/> (copied).</summary>
    /// <param name="index">Object index.</param>
    /// <param name="subIndex">Subindex.</param>
    /// <param name="data">1 or more bytes.</param>
    /// <param name="mailboxBytes">Size of the slave's receive mailbox (SM0 length), at least 16.</param>
    /// <param name="completeAccess">Complete access.</param>
    /// <exception cref="ArgumentException">data is empty or mailboxBytes is below 16.</exception>
    public SdoDownload(ushort index, byte subIndex, ReadOnlySpan<byte> data, int mailboxBytes, bool completeAccess = false)
    {
        if (data.IsEmpty)
            throw new ArgumentException("an SDO download needs at least 1 byte", nameof(data));
        if (mailboxBytes < SdoLayout.InitiateBytes)
            throw new ArgumentOutOfRangeException(nameof(mailboxBytes), mailboxBytes, $"a CoE mailbox needs at least {SdoLayout.InitiateBytes} bytes");
        Index = index;
        SubIndex = subIndex;
        CompleteAccess = completeAccess;
        _data = data.ToArray();
        _mailboxBytes = mailboxBytes;
    }

    /// <summary>True when the transfer uses the expedited form.</summary>
    public bool IsExpedited => _data.Length <= 4;

    /// <summary>Writes the next request; returns the bytes written.</summary>
    public int WriteRequest(Span<byte> mailbox, byte counter)
    {
        if (!_initiated)
        {
            if (IsExpedited)
            {
                _inFlight = _data.Length;
                return SdoWriter.ExpeditedDownloadRequest(mailbox, counter, Index, SubIndex, _data, CompleteAccess);
            }
            _inFlight = Math.Min(_data.Length, _mailboxBytes - SdoLayout.InitiateBytes);
            return SdoWriter.NormalDownloadRequest(mailbox, counter, Index, SubIndex, (uint)_data.Length, _data.AsSpan(0, _inFlight), CompleteAccess);
        }
        _inFlight = Math.Min(_data.Length - _sent, _mailboxBytes - SdoLayout.SegmentDataOffset);
        _segmentSent = true;
        return SdoWriter.DownloadSegmentRequest(mailbox, counter, _toggle, _sent + _inFlight == _data.Length, _data.AsSpan(_sent, _inFlight));
    }

    /// <summary>Consumes the slave's response mailbox.</summary>
    public SdoTransferStatus Accept(ReadOnlySpan<byte> response)
    {
        var error = SdoReader.TryDecode(response, out var f);
        if (error != MailboxDecodeError.None)
            return Fail($"response does not decode: {error}");
        if (f.Kind == SdoFrameKind.Abort)
        {
            AbortCode = f.AbortCode;
            return SdoTransferStatus.Aborted;
        }
        if (!_initiated)
        {
            if (f.Kind != SdoFrameKind.DownloadResponse)
                return Fail($"expected a download response, got {f.Kind}");
            if (f.Index != Index || f.SubIndex != SubIndex)
                return Fail($"response is for 0x{f.Index:X4}:{f.SubIndex}, not 0x{Index:X4}:{SubIndex}");
            _initiated = true;
        }
        else
        {
            if (!_segmentSent || f.Kind != SdoFrameKind.DownloadSegmentResponse)
                return Fail($"expected a download segment response, got {f.Kind}");
            if (f.Toggle != _toggle)
                return Fail("download segment response toggle bit did not match");
            _toggle = !_toggle;
        }
        _sent += _inFlight;
        _inFlight = 0;
        return _sent == _data.Length ? SdoTransferStatus.Completed : SdoTransferStatus.InProgress;
    }

    private SdoTransferStatus Fail(string problem)
    {
        ProtocolProblem = problem;
        return SdoTransferStatus.ProtocolError;
    }
}
