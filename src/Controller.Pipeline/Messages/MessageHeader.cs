namespace Controller.Pipeline.Messages;

/// <summary>The first field of every message: who-came-first and when, so gaps and staleness are detectable.</summary>
public struct MessageHeader
{
    /// <summary>Sequence number assigned by the producer, increasing by one per message it sends.</summary>
    public long Sequence;

    /// <summary>When the content was sampled or computed, in monotonic nanoseconds (system-wide clock).</summary>
    public long TimestampNs;

    /// <summary>Creates a header.</summary>
    public MessageHeader(long sequence, long timestampNs)
    {
        Sequence = sequence;
        TimestampNs = timestampNs;
    }
}
