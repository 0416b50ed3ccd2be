namespace Controller.Hardware.Tests.Support;

/// <summary>Measures what a cycle allocates in steady state on the calling thread.</summary>
internal static class SteadyState
{
    /// <summary>
    /// Runs <paramref name="cycle"/> in batches until one whole batch allocates nothing (first-use statics, tiered JIT
    /// and on-stack replacement settle within a few batches; a cycle that allocates never gets there), then returns the
    /// bytes allocated over <paramref name="measured"/> further cycles.
    /// </summary>
    public static long AllocatedBytes(Action<int> cycle, int measured = 3000, int batch = 200, int maxBatches = 20)
    {
        int i = 0;
        for (int b = 0; b < maxBatches; b++)
        {
            long start = GC.GetAllocatedBytesForCurrentThread();
            for (int k = 0; k < batch; k++) cycle(i++);
            if (GC.GetAllocatedBytesForCurrentThread() == start) break;
        }
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int k = 0; k < measured; k++) cycle(i++);
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }
}
