namespace Controller.Hardware.Protocols.EtherCat.Mailbox;

/// <summary>Which SDO message a CoE mailbox carries (CiA 301 §7.2.4.3 as carried by ETG.1000.6 §5.6.2.1–5.6.2.6).</summary>
public enum SdoFrameKind
{
    /// <summary>Initiate upload (read) request.</summary>
    UploadRequest,
    /// <summary>Upload response with up to 4 bytes inside the command.</summary>
    UploadExpeditedResponse,
    /// <summary>Upload response with the complete size and the first data.</summary>
    UploadNormalResponse,
    /// <summary>Request for the next upload segment.</summary>
    UploadSegmentRequest,
    /// <summary>An upload segment.</summary>
    UploadSegmentResponse,
    /// <summary>Download (write) of up to 4 bytes inside the command.</summary>
    DownloadExpeditedRequest,
    /// <summary>Download with the complete size and the first data.</summary>
    DownloadNormalRequest,
    /// <summary>Initiate-download acknowledgement.</summary>
    DownloadResponse,
    /// <summary>A download segment.</summary>
    DownloadSegmentRequest,
    /// <summary>Download segment acknowledgement.</summary>
    DownloadSegmentResponse,
    /// <summary>Abort transfer, with an abort code.</summary>
    Abort,
}
