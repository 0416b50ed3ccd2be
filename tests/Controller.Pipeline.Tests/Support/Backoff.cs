namespace Controller.Pipeline.Tests.Support;

/// <summary>
/// What a stress thread does while its ring is full or empty: spin briefly, then yield the core (the test
/// machine may have only two, shared by both ends). Allocation-free; throws only when the test aborts.
/// </summary>
public struct Backoff
{
    private int _spins;

    public void Wait(StressAbort abort)
    {
        abort.ThrowIfAborted();
        if (++_spins < 32)
        {
            Thread.SpinWait(8);
        }
        else
        {
            Thread.Yield();
        }
    }

    public void Reset() => _spins = 0;
}
