using Controller.Hardware.Protocols.EtherCat.Mailbox;

namespace Controller.Hardware.Tests.Protocols.EtherCat.Mailbox;

/// <summary>Writes a decoded SDO message back with the writer that produces its kind.</summary>
internal static class SdoRoundTrip
{
    public static int Reencode(in SdoFrame f, Span<byte> buffer) => f.Kind switch
    {
        SdoFrameKind.UploadRequest => SdoWriter.UploadRequest(buffer, f.Header.Counter, f.Index, f.SubIndex, f.CompleteAccess),
        SdoFrameKind.UploadExpeditedResponse => SdoWriter.ExpeditedUploadResponse(buffer, f.Header.Counter, f.Index, f.SubIndex, f.Data),
        SdoFrameKind.UploadNormalResponse => SdoWriter.NormalUploadResponse(buffer, f.Header.Counter, f.Index, f.SubIndex, f.CompleteSize, f.Data),
        SdoFrameKind.UploadSegmentRequest => SdoWriter.UploadSegmentRequest(buffer, f.Header.Counter, f.Toggle),
        SdoFrameKind.UploadSegmentResponse => SdoWriter.UploadSegmentResponse(buffer, f.Header.Counter, f.Toggle, f.LastSegment, f.Data),
        SdoFrameKind.DownloadExpeditedRequest => SdoWriter.ExpeditedDownloadRequest(buffer, f.Header.Counter, f.Index, f.SubIndex, f.Data, f.CompleteAccess),
        SdoFrameKind.DownloadNormalRequest => SdoWriter.NormalDownloadRequest(buffer, f.Header.Counter, f.Index, f.SubIndex, f.CompleteSize, f.Data, f.CompleteAccess),
        SdoFrameKind.DownloadResponse => SdoWriter.DownloadResponse(buffer, f.Header.Counter, f.Index, f.SubIndex),
        SdoFrameKind.DownloadSegmentRequest => SdoWriter.DownloadSegmentRequest(buffer, f.Header.Counter, f.Toggle, f.LastSegment, f.Data),
        SdoFrameKind.DownloadSegmentResponse => SdoWriter.DownloadSegmentResponse(buffer, f.Header.Counter, f.Toggle),
        SdoFrameKind.Abort => SdoWriter.Abort(buffer, f.Header.Counter, f.Service, f.Index, f.SubIndex, f.AbortCode),
        _ => throw new InvalidOperationException(f.Kind.ToString()),
    };
}
