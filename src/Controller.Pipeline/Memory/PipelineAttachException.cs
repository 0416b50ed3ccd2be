namespace Controller.Pipeline.Memory;

/// <summary>
/// Thrown when a process attaches to shared pipeline memory whose layout does not match what it expects
/// (another message type, size, capacity or layout version, or a file that is not a pipeline at all).
/// The fields say what differed so the message can be acted on.
/// </summary>
public sealed class PipelineAttachException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="region">The shared file's path (or "process").</param>
    /// <param name="field">The header field that did not match.</param>
    /// <param name="expected">What this process expected.</param>
    /// <param name="actual">What the memory holds.</param>
    public PipelineAttachException(string region, string field, string expected, string actual)
        : base($"Cannot attach to pipeline memory '{region}': {field} is {actual}, expected {expected}.")
    {
        Region = region;
        Field = field;
        Expected = expected;
        Actual = actual;
    }

    /// <summary>The shared file's path (or "process").</summary>
    public string Region { get; }

    /// <summary>The header field that did not match.</summary>
    public string Field { get; }

    /// <summary>What this process expected.</summary>
    public string Expected { get; }

    /// <summary>What the memory holds.</summary>
    public string Actual { get; }
}
