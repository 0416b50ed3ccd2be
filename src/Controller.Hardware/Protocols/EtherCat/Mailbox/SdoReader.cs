using System.Buffers.Binary;

namespace Controller.Hardware.Protocols.EtherCat.Mailbox;

/// <summary>Decodes CoE SDO mailboxes without allocating or throwing; the direction comes from the CoE service.</summary>
public static class SdoReader
{
    /// <summary>Decodes one mailbox (as read from the slave's output mailbox, or written to its input mailbox).</summary>
    /// <param name="mailbox">The mailbox bytes; anything past the header's length is ignored.</param>
    /// <param name="frame">The message when the result is None; its header (and service) are filled as far as they decoded.</param>
    public static MailboxDecodeError TryDecode(ReadOnlySpan<byte> mailbox, out SdoFrame frame)
    {
        frame = default;
        if (mailbox.Length < MailboxHeader.Bytes)
            return MailboxDecodeError.TooShort;
        var header = MailboxHeader.Read(mailbox);
        frame = new SdoFrame { Header = header };
        if (MailboxHeader.Bytes + header.Length > mailbox.Length)
            return MailboxDecodeError.LengthExceedsBuffer;
        if (header.Type != MailboxType.CoE)
            return MailboxDecodeError.NotCoe;
        if (header.Length < 2)
            return MailboxDecodeError.CoeHeaderTruncated;
        var service = (CoeService)(BinaryPrimitives.ReadUInt16LittleEndian(mailbox[SdoLayout.CoeHeaderOffset..]) >> 12);
        frame = new SdoFrame { Header = header, Service = service };
        if (service is not (CoeService.SdoRequest or CoeService.SdoResponse))
            return MailboxDecodeError.UnsupportedCoeService;
        if (header.Length < 3)
            return MailboxDecodeError.SdoTruncated;

        var body = mailbox[..(MailboxHeader.Bytes + header.Length)];
        byte command = body[SdoLayout.CommandOffset];
        if (command == SdoLayout.AbortCommand)
            return Initiate(body, header, service, SdoFrameKind.Abort, out frame);
        int specifier = command >> 5;
        bool request = service == CoeService.SdoRequest;
        return (request, specifier) switch
        {
            (true, 1) => InitiateWithData(body, header, service, command, SdoFrameKind.DownloadExpeditedRequest, SdoFrameKind.DownloadNormalRequest, out frame),
            (true, 0) => Segment(body, header, service, command, SdoFrameKind.DownloadSegmentRequest, out frame),
            (true, 2) => Initiate(body, header, service, SdoFrameKind.UploadRequest, out frame),
            (true, 3) => Toggle(body, header, service, command, SdoFrameKind.UploadSegmentRequest, out frame),
            (false, 3) => Initiate(body, header, service, SdoFrameKind.DownloadResponse, out frame),
            (false, 1) => Toggle(body, header, service, command, SdoFrameKind.DownloadSegmentResponse, out frame),
            (false, 2) => InitiateWithData(body, header, service, command, SdoFrameKind.UploadExpeditedResponse, SdoFrameKind.UploadNormalResponse, out frame),
            (false, 0) => Segment(body, header, service, command, SdoFrameKind.UploadSegmentResponse, out frame),
            _ => MailboxDecodeError.UnknownCommandSpecifier,
        };
    }

    private static MailboxDecodeError Initiate(ReadOnlySpan<byte> body, MailboxHeader header, CoeService service, SdoFrameKind kind, out SdoFrame frame)
    {
        frame = new SdoFrame { Header = header, Service = service };
        if (body.Length < SdoLayout.InitiateBytes)
            return MailboxDecodeError.SdoTruncated;
        byte command = body[SdoLayout.CommandOffset];
        uint value = BinaryPrimitives.ReadUInt32LittleEndian(body[SdoLayout.ValueOffset..]);
        frame = new SdoFrame
        {
            Header = header, Service = service, Kind = kind,
            Index = BinaryPrimitives.ReadUInt16LittleEndian(body[SdoLayout.IndexOffset..]),
            SubIndex = body[SdoLayout.SubIndexOffset],
            CompleteAccess = kind != SdoFrameKind.Abort && (command & SdoLayout.CompleteAccessOrToggleBit) != 0,
            AbortCode = kind == SdoFrameKind.Abort ? value : 0,
        };
        return MailboxDecodeError.None;
    }

    private static MailboxDecodeError InitiateWithData(ReadOnlySpan<byte> body, MailboxHeader header, CoeService service, byte command,
        SdoFrameKind expeditedKind, SdoFrameKind normalKind, out SdoFrame frame)
    {
        bool expedited = (command & SdoLayout.ExpeditedBit) != 0;
        bool sizeIndicated = (command & SdoLayout.SizeIndicatedOrLastBit) != 0;
        var error = Initiate(body, header, service, expedited ? expeditedKind : normalKind, out frame);
        if (error != MailboxDecodeError.None)
            return error;
        if (expedited)
        {
            int length = sizeIndicated ? 4 - ((command >> 2) & 0x03) : 4;
            frame = frame with { Data = body.Slice(SdoLayout.ValueOffset, length), CompleteSize = (uint)length };
            return MailboxDecodeError.None;
        }
        uint completeSize = BinaryPrimitives.ReadUInt32LittleEndian(body[SdoLayout.ValueOffset..]);
        var data = body[SdoLayout.NormalDataOffset..];
        if (sizeIndicated && data.Length > completeSize)
            return MailboxDecodeError.InconsistentSize;
        frame = frame with { Data = data, CompleteSize = sizeIndicated ? completeSize : 0 };
        return MailboxDecodeError.None;
    }

    private static MailboxDecodeError Toggle(ReadOnlySpan<byte> body, MailboxHeader header, CoeService service, byte command, SdoFrameKind kind, out SdoFrame frame)
    {
        frame = new SdoFrame { Header = header, Service = service, Kind = kind, Toggle = (command & SdoLayout.CompleteAccessOrToggleBit) != 0 };
        return MailboxDecodeError.None;
    }

    private static MailboxDecodeError Segment(ReadOnlySpan<byte> body, MailboxHeader header, CoeService service, byte command, SdoFrameKind kind, out SdoFrame frame)
    {
        frame = new SdoFrame { Header = header, Service = service };
        int available = body.Length - SdoLayout.SegmentDataOffset;
        if (available < SdoLayout.MinimumSegmentDataBytes)
            return MailboxDecodeError.SdoTruncated;
        int unused = (command >> 1) & 0x07;
        if (available > SdoLayout.MinimumSegmentDataBytes && unused != 0)
            return MailboxDecodeError.InconsistentSize;
        frame = new SdoFrame
        {
            Header = header, Service = service, Kind = kind,
            Toggle = (command & SdoLayout.CompleteAccessOrToggleBit) != 0,
            LastSegment = (command & SdoLayout.SizeIndicatedOrLastBit) != 0,
            Data = body.Slice(SdoLayout.SegmentDataOffset, available - unused),
        };
        return MailboxDecodeError.None;
    }
}
