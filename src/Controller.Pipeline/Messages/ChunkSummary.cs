namespace Controller.Pipeline.Messages;

/// <summary>
/// What the loop saw of an action chunk it took: shape, timing, the follower's verdict and row 0. Small enough
/// (≈ 580 bytes) for the loop to copy into a ring for the recorder, where the chunk itself is 32 KiB.
/// </summary>
public struct ChunkSummary
{
    /// <summary>The chunk's own sequence and the loop time it was taken at.</summary>
    public MessageHeader Header;

    /// <summary>Rows in the chunk.</summary>
    public int Steps;

    /// <summary>Values per row.</summary>
    public int Dimension;

    /// <summary>What the values mean.</summary>
    public ActionKind Kind;

    /// <summary>The model that produced it.</summary>
    public int ModelIndex;

    /// <summary>Time between rows (ns).</summary>
    public long StepPeriodNs;

    /// <summary>The consumer's verdict: 0 accepted, otherwise its rejection code; -1 when no controller took chunks.</summary>
    public int Rejection;

    /// <summary>Row 0 (the first <see cref="Dimension"/> entries are meaningful).</summary>
    public JointValues FirstAction;
}
