using System.Buffers.Binary;

namespace Controller.Hardware.Protocols.EtherCat.Mailbox;

/// <summary>
/// Encodes CoE SDO messages into a caller-provided mailbox buffer without allocating. Each method writes the
/// mailbox header, CoE header and SDO message and returns the bytes written (6 + the header's length); the
/// caller sends the whole sync-manager-sized buffer (bytes past the message are left as they are).
/// Arguments out of range throw <see cref="ArgumentException"/> (programming errors); SDO traffic is acyclic.
/// </summary>
public static class SdoWriter
{
    /// <summary>Initiate upload (read) request.</summary>
    public static int UploadRequest(Span<byte> mailbox, byte counter, ushort index, byte subIndex, bool completeAccess = false) =>
        Initiate(mailbox, counter, CoeService.SdoRequest, (byte)(0x40 | CompleteAccess(completeAccess)), index, subIndex, 0);

    /// <summary>Expedited download (write) of 1..4 bytes.</summary>
    public static int ExpeditedDownloadRequest(Span<byte> mailbox, byte counter, ushort index, byte subIndex, ReadOnlySpan<byte> data, bool completeAccess = false) =>
        Expedited(mailbox, counter, CoeService.SdoRequest, 0x20, index, subIndex, data, completeAccess);

    /// <summary>Normal download: the complete size and as much of <paramref name="firstData"/> as given.</summary>
    public static int NormalDownloadRequest(Span<byte> mailbox, byte counter, ushort index, byte subIndex, uint completeSize,
        ReadOnlySpan<byte> firstData, bool completeAccess = false)
    {
        if (firstData.Length > completeSize)
            throw new ArgumentException($"first data has {firstData.Length} bytes, more than the complete size {completeSize}", nameof(firstData));
        return Normal(mailbox, counter, CoeService.SdoRequest, (byte)(0x21 | CompleteAccess(completeAccess)), index, subIndex, completeSize, firstData);
    }

    /// <summary>A download segment (padded to 7 data bytes when shorter).</summary>
    public static int DownloadSegmentRequest(Span<byte> mailbox, byte counter, bool toggle, bool last, ReadOnlySpan<byte> data) =>
        Segment(mailbox, counter, CoeService.SdoRequest, 0x00, toggle, last, data);

    /// <summary>Request for the next upload segment.</summary>
    public static int UploadSegmentRequest(Span<byte> mailbox, byte counter, bool toggle)
    {
        int total = Header(mailbox, counter, CoeService.SdoRequest, SdoLayout.InitiateLength);
        mailbox[SdoLayout.CommandOffset] = (byte)(0x60 | (toggle ? SdoLayout.CompleteAccessOrToggleBit : 0));
        mailbox[SdoLayout.SegmentDataOffset..total].Clear();
        return total;
    }

    /// <summary>Abort a transfer (either side).</summary>
    public static int Abort(Span<byte> mailbox, byte counter, CoeService service, ushort index, byte subIndex, uint abortCode) =>
        Initiate(mailbox, counter, service, SdoLayout.AbortCommand, index, subIndex, abortCode);

    /// <summary>Expedited upload response with 1..4 bytes (slave side).</summary>
    public static int ExpeditedUploadResponse(Span<byte> mailbox, byte counter, ushort index, byte subIndex, ReadOnlySpan<byte> data) =>
        Expedited(mailbox, counter, CoeService.SdoResponse, 0x40, index, subIndex, data, false);

    /// <summary>Normal upload response: the complete size and the first data (slave side).</summary>
    public static int NormalUploadResponse(Span<byte> mailbox, byte counter, ushort index, byte subIndex, uint completeSize, ReadOnlySpan<byte> firstData)
    {
        if (firstData.Length > completeSize)
            throw new ArgumentException($"first data has {firstData.Length} bytes, more than the complete size {completeSize}", nameof(firstData));
        return Normal(mailbox, counter, CoeService.SdoResponse, 0x41, index, subIndex, completeSize, firstData);
    }

    /// <summary>An upload segment (slave side).</summary>
    public static int UploadSegmentResponse(Span<byte> mailbox, byte counter, bool toggle, bool last, ReadOnlySpan<byte> data) =>
        Segment(mailbox, counter, CoeService.SdoResponse, 0x00, toggle, last, data);

    /// <summary>Initiate-download acknowledgement (slave side).</summary>
    public static int DownloadResponse(Span<byte> mailbox, byte counter, ushort index, byte subIndex) =>
        Initiate(mailbox, counter, CoeService.SdoResponse, 0x60, index, subIndex, 0);

    /// <summary>Download segment acknowledgement (slave side).</summary>
    public static int DownloadSegmentResponse(Span<byte> mailbox, byte counter, bool toggle)
    {
        int total = Header(mailbox, counter, CoeService.SdoResponse, SdoLayout.InitiateLength);
        mailbox[SdoLayout.CommandOffset] = (byte)(0x20 | (toggle ? SdoLayout.CompleteAccessOrToggleBit : 0));
        mailbox[SdoLayout.SegmentDataOffset..total].Clear();
        return total;
    }

    private static byte CompleteAccess(bool on) => on ? SdoLayout.CompleteAccessOrToggleBit : (byte)0;

    private static int Header(Span<byte> mailbox, byte counter, CoeService service, int length)
    {
        if (mailbox.Length < MailboxHeader.Bytes + length)
            throw new ArgumentException($"mailbox buffer has {mailbox.Length} bytes; this message needs {MailboxHeader.Bytes + length}", nameof(mailbox));
        if (counter > 7)
            throw new ArgumentOutOfRangeException(nameof(counter), counter, "mailbox counter must be in 0..7");
        new MailboxHeader((ushort)length, 0, 0, 0, MailboxType.CoE, counter).WriteTo(mailbox);
        BinaryPrimitives.WriteUInt16LittleEndian(mailbox[SdoLayout.CoeHeaderOffset..], (ushort)((int)service << 12));
        return MailboxHeader.Bytes + length;
    }

    private static int Initiate(Span<byte> mailbox, byte counter, CoeService service, byte command, ushort index, byte subIndex, uint value)
    {
        int total = Header(mailbox, counter, service, SdoLayout.InitiateLength);
        mailbox[SdoLayout.CommandOffset] = command;
        BinaryPrimitives.WriteUInt16LittleEndian(mailbox[SdoLayout.IndexOffset..], index);
        mailbox[SdoLayout.SubIndexOffset] = subIndex;
        BinaryPrimitives.WriteUInt32LittleEndian(mailbox[SdoLayout.ValueOffset..], value);
        return total;
    }

    private static int Expedited(Span<byte> mailbox, byte counter, CoeService service, byte specifier, ushort index, byte subIndex,
        ReadOnlySpan<byte> data, bool completeAccess)
    {
        if (data.Length is < 1 or > 4)
            throw new ArgumentException($"expedited data has {data.Length} bytes; it must be 1..4", nameof(data));
        byte command = (byte)(specifier | CompleteAccess(completeAccess) | ((4 - data.Length) << 2) | SdoLayout.ExpeditedBit | SdoLayout.SizeIndicatedOrLastBit);
        int total = Initiate(mailbox, counter, service, command, index, subIndex, 0);
        data.CopyTo(mailbox[SdoLayout.ValueOffset..]);
        return total;
    }

    private static int Normal(Span<byte> mailbox, byte counter, CoeService service, byte command, ushort index, byte subIndex,
        uint completeSize, ReadOnlySpan<byte> firstData)
    {
        int total = Header(mailbox, counter, service, SdoLayout.InitiateLength + firstData.Length);
        mailbox[SdoLayout.CommandOffset] = command;
        BinaryPrimitives.WriteUInt16LittleEndian(mailbox[SdoLayout.IndexOffset..], index);
        mailbox[SdoLayout.SubIndexOffset] = subIndex;
        BinaryPrimitives.WriteUInt32LittleEndian(mailbox[SdoLayout.ValueOffset..], completeSize);
        firstData.CopyTo(mailbox[SdoLayout.NormalDataOffset..]);
        return total;
    }

    private static int Segment(Span<byte> mailbox, byte counter, CoeService service, byte specifier, bool toggle, bool last, ReadOnlySpan<byte> data)
    {
        int padded = Math.Max(data.Length, SdoLayout.MinimumSegmentDataBytes);
        int total = Header(mailbox, counter, service, 3 + padded);
        int unused = padded - data.Length;
        mailbox[SdoLayout.CommandOffset] = (byte)(specifier | (toggle ? SdoLayout.CompleteAccessOrToggleBit : 0) | (unused << 1) | (last ? SdoLayout.SizeIndicatedOrLastBit : 0));
        data.CopyTo(mailbox[SdoLayout.SegmentDataOffset..]);
        mailbox.Slice(SdoLayout.SegmentDataOffset + data.Length, unused).Clear();
        return total;
    }
}
