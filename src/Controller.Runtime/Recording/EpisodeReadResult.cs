namespace Controller.Runtime.Recording;

/// <summary>What the reader found: the header, every whole valid record up to the first damage, and why it stopped.</summary>
/// <param name="Header">The episode's header.</param>
/// <param name="Records">Every whole, valid record, in file order.</param>
/// <param name="StopReason">Why reading stopped (<see cref="ReadStopReason.EndOfFile"/> for an intact file).</param>
/// <param name="StopOffset">Byte offset of the frame where reading stopped (the file length for an intact file).</param>
/// <param name="StopDetail">A sentence saying what was found there ("" for an intact file).</param>
/// <param name="SkippedUnknownRecords">Well-formed records of kinds this version does not know, skipped.</param>
public sealed record EpisodeReadResult(
    EpisodeHeader Header,
    IReadOnlyList<EpisodeRecord> Records,
    ReadStopReason StopReason,
    long StopOffset,
    string StopDetail,
    int SkippedUnknownRecords)
{
    /// <summary>True when the file was read to its end without damage.</summary>
    public bool Complete => StopReason == ReadStopReason.EndOfFile;

    /// <summary>The records of one type, in order.</summary>
    public IEnumerable<T> Of<T>()
        where T : EpisodeRecord => Records.OfType<T>();
}
