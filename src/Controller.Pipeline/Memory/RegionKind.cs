namespace Controller.Pipeline.Memory;

/// <summary>What a pipeline region holds; stored in its header so a ring is never opened as a mailbox.</summary>
public enum RegionKind
{
    /// <summary>Single-producer single-consumer ring.</summary>
    SpscRing = 1,

    /// <summary>Multi-producer single-consumer ring.</summary>
    MpscRing = 2,

    /// <summary>Latest-value seqlock mailbox.</summary>
    LatestValue = 3,
}
