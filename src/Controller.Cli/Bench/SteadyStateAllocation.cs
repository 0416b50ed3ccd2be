namespace Controller.Cli.Bench;

/// <summary>
/// Managed bytes one call allocates in steady state, measured on the calling thread as the smallest figure over
/// several blocks of calls. A real per-call allocation shows in every block; a one-off runtime event that lands on
/// this thread (a tier-up or a lazily built runtime structure while a loaded CI machine is still warming up, seen as
/// ~7 KB once in 5 000 calls) shows in one block only and is not a property of the code under test.
/// </summary>
public static class SteadyStateAllocation
{
    /// <summary>Bytes per call: the minimum over <paramref name="blocks"/> blocks of <paramref name="callsPerBlock"/> calls.</summary>
    public static double PerCall(Action call, int blocks = 5, int callsPerBlock = 1000)
    {
        ArgumentNullException.ThrowIfNull(call);
        ArgumentOutOfRangeException.ThrowIfLessThan(blocks, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(callsPerBlock, 1);
        double least = double.PositiveInfinity;
        for (int b = 0; b < blocks; b++)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < callsPerBlock; i++) call();
            least = Math.Min(least, (GC.GetAllocatedBytesForCurrentThread() - before) / (double)callsPerBlock);
        }
        return least;
    }
}
