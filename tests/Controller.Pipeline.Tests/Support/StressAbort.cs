namespace Controller.Pipeline.Tests.Support;

/// <summary>
/// Shared by the threads of one stress test: when one fails, the others stop spinning instead of
/// waiting forever for a peer that is gone.
/// </summary>
public sealed class StressAbort
{
    private volatile bool _aborted;

    public bool IsAborted => _aborted;

    public void Abort() => _aborted = true;

    public void ThrowIfAborted()
    {
        if (_aborted) throw new OperationCanceledException("Another thread of this stress test failed.");
    }
}
