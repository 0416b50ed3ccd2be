using Controller.Hardware.Protocols.EtherCat.Mailbox;

namespace Controller.Hardware.Simulation.EtherCat;

/// <summary>
/// The SDO server of a simulated slave: answers SDO request mailboxes from a <see cref="CoeObjectDictionary"/>
/// with expedited, normal and segmented transfers and the CiA 301 abort codes real devices use. One transfer
/// at a time, like a real slave's single mailbox. Complete access is answered with an abort (not simulated).
/// </summary>
public sealed class SdoServer
{
    private readonly CoeObjectDictionary _dictionary;
    private readonly int _mailboxBytes;
    private byte _counter;

    private byte[]? _upload;
    private int _uploadOffset;
    private bool _uploadToggle;

    private byte[]? _download;
    private int _downloadOffset;
    private bool _downloadToggle;
    private ushort _downloadIndex;
    private byte _downloadSubIndex;

    /// <summary>Creates a server answering from <paramref name="dictionary"/> through mailboxes of <paramref name="mailboxBytes"/> bytes.</summary>
    /// <exception cref="ArgumentOutOfRangeException">mailboxBytes is below 16.</exception>
    public SdoServer(CoeObjectDictionary dictionary, int mailboxBytes)
    {
        if (mailboxBytes < SdoLayout.InitiateBytes)
            throw new ArgumentOutOfRangeException(nameof(mailboxBytes), mailboxBytes, $"a CoE mailbox needs at least {SdoLayout.InitiateBytes} bytes");
        _dictionary = dictionary;
        _mailboxBytes = mailboxBytes;
    }

    /// <summary>Mailboxes that were not SDO requests (counted, not answered).</summary>
    public int IgnoredMailboxes { get; private set; }

    /// <summary>Answers one request; returns the response length in <paramref name="response"/> (0: no answer).</summary>
    public int Handle(ReadOnlySpan<byte> request, Span<byte> response)
    {
        var error = SdoReader.TryDecode(request, out var f);
        if (error == MailboxDecodeError.UnknownCommandSpecifier)
            return Abort(response, 0, 0, SdoAbortCode.InvalidCommandSpecifier);
        if (error != MailboxDecodeError.None || f.Service != CoeService.SdoRequest)
        {
            IgnoredMailboxes++;
            return 0;
        }
        if (f.CompleteAccess)
            return Abort(response, f.Index, f.SubIndex, SdoAbortCode.UnsupportedAccess);
        return f.Kind switch
        {
            SdoFrameKind.UploadRequest => StartUpload(f.Index, f.SubIndex, response),
            SdoFrameKind.UploadSegmentRequest => ContinueUpload(f.Toggle, response),
            SdoFrameKind.DownloadExpeditedRequest or SdoFrameKind.DownloadNormalRequest => StartDownload(f, response),
            SdoFrameKind.DownloadSegmentRequest => ContinueDownload(f, response),
            SdoFrameKind.Abort => ClearTransfers(),
            _ => Abort(response, f.Index, f.SubIndex, SdoAbortCode.InvalidCommandSpecifier),
        };
    }

    private byte NextCounter() => _counter = MailboxHeader.NextCounter(_counter);

    private int Abort(Span<byte> response, ushort index, byte subIndex, SdoAbortCode code)
    {
        ClearTransfers();
        return SdoWriter.Abort(response, NextCounter(), CoeService.SdoResponse, index, subIndex, (uint)code);
    }

    private int ClearTransfers()
    {
        _upload = null;
        _download = null;
        return 0;
    }

    private SdoAbortCode? Missing(ushort index, byte subIndex, out CoeAccess access, out int fixedSize)
    {
        if (_dictionary.TryGetAccess(index, subIndex, out access, out fixedSize))
            return null;
        return _dictionary.HasObject(index) ? SdoAbortCode.SubIndexDoesNotExist : SdoAbortCode.ObjectDoesNotExist;
    }

    private int StartUpload(ushort index, byte subIndex, Span<byte> response)
    {
        if (Missing(index, subIndex, out var access, out _) is SdoAbortCode missing)
            return Abort(response, index, subIndex, missing);
        if (access == CoeAccess.WriteOnly)
            return Abort(response, index, subIndex, SdoAbortCode.WriteOnlyObject);
        var value = _dictionary.Get(index, subIndex)!;
        if (value.Length is >= 1 and <= 4)
            return SdoWriter.ExpeditedUploadResponse(response, NextCounter(), index, subIndex, value);
        int first = Math.Min(value.Length, _mailboxBytes - SdoLayout.InitiateBytes);
        if (first < value.Length)
        {
            _upload = value;
            _uploadOffset = first;
            _uploadToggle = false;
        }
        return SdoWriter.NormalUploadResponse(response, NextCounter(), index, subIndex, (uint)value.Length, value.AsSpan(0, first));
    }

    private int ContinueUpload(bool toggle, Span<byte> response)
    {
        if (_upload is null)
            return Abort(response, 0, 0, SdoAbortCode.InvalidCommandSpecifier);
        if (toggle != _uploadToggle)
            return Abort(response, 0, 0, SdoAbortCode.ToggleBitNotChanged);
        int length = Math.Min(_upload.Length - _uploadOffset, _mailboxBytes - SdoLayout.SegmentDataOffset);
        bool last = _uploadOffset + length == _upload.Length;
        int written = SdoWriter.UploadSegmentResponse(response, NextCounter(), toggle, last, _upload.AsSpan(_uploadOffset, length));
        _uploadOffset += length;
        _uploadToggle = !_uploadToggle;
        if (last)
            _upload = null;
        return written;
    }

    private int StartDownload(in SdoFrame f, Span<byte> response)
    {
        if (Missing(f.Index, f.SubIndex, out var access, out int fixedSize) is SdoAbortCode missing)
            return Abort(response, f.Index, f.SubIndex, missing);
        if (access == CoeAccess.ReadOnly)
            return Abort(response, f.Index, f.SubIndex, SdoAbortCode.ReadOnlyObject);
        int size = f.Kind == SdoFrameKind.DownloadExpeditedRequest ? f.Data.Length : (int)f.CompleteSize;
        if (fixedSize >= 0 && size != fixedSize)
            return Abort(response, f.Index, f.SubIndex, size > fixedSize ? SdoAbortCode.LengthTooHigh : SdoAbortCode.LengthTooLow);
        if (f.Data.Length == size)
            _dictionary.Set(f.Index, f.SubIndex, f.Data);
        else
        {
            _download = new byte[size];
            f.Data.CopyTo(_download);
            _downloadOffset = f.Data.Length;
            _downloadToggle = false;
            _downloadIndex = f.Index;
            _downloadSubIndex = f.SubIndex;
        }
        return SdoWriter.DownloadResponse(response, NextCounter(), f.Index, f.SubIndex);
    }

    private int ContinueDownload(in SdoFrame f, Span<byte> response)
    {
        if (_download is null)
            return Abort(response, 0, 0, SdoAbortCode.InvalidCommandSpecifier);
        if (f.Toggle != _downloadToggle)
            return Abort(response, _downloadIndex, _downloadSubIndex, SdoAbortCode.ToggleBitNotChanged);
        if (_downloadOffset + f.Data.Length > _download.Length)
            return Abort(response, _downloadIndex, _downloadSubIndex, SdoAbortCode.LengthTooHigh);
        f.Data.CopyTo(_download.AsSpan(_downloadOffset));
        _downloadOffset += f.Data.Length;
        if (f.LastSegment)
        {
            if (_downloadOffset != _download.Length)
                return Abort(response, _downloadIndex, _downloadSubIndex, SdoAbortCode.LengthTooLow);
            _dictionary.Set(_downloadIndex, _downloadSubIndex, _download);
            _download = null;
        }
        int written = SdoWriter.DownloadSegmentResponse(response, NextCounter(), f.Toggle);
        _downloadToggle = !_downloadToggle;
        return written;
    }
}
