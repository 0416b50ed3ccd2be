namespace Controller.Pipeline.Rings;

/// <summary>Outcome of reading a <see cref="LatestValue{T}"/>.</summary>
public enum MailboxReadStatus
{
    /// <summary>A consistent snapshot of the latest value was copied out.</summary>
    Success,

    /// <summary>Nothing has been written yet.</summary>
    Empty,

    /// <summary>The writer kept overwriting during every retry; no snapshot was returned. Try again next cycle.</summary>
    Contended,
}
