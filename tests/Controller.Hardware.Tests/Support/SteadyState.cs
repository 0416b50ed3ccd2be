using System.Diagnostics;

namespace Controller.Hardware.Tests.Support;

/// <summary>Measures what a cycle allocates in steady state on the calling thread.</summary>
internal static class SteadyState
{
    /// <summary>
    /// Runs <paramref name="cycle"/> in batches for at least 300 ms and until one whole batch allocates nothing, then
    /// returns the bytes allocated over <paramref name="measured"/> further cycles. The time matters as much as the
    /// batches: tiered compilation promotes hot methods only after a 100 ms delay, and the first calls into the new
    /// code can resolve things lazily on this thread (seen in CI as a few KB inside the measured cycles). A cycle that
    /// really allocates never settles and is reported (the warm-up gives up after 5 s).
    /// </summary>
    public static long AllocatedBytes(Action<int> cycle, int measured = 3000, int batch = 200)
    {
        int i = 0;
        var warm = Stopwatch.StartNew();
        while (warm.ElapsedMilliseconds < 5000)
        {
            long start = GC.GetAllocatedBytesForCurrentThread();
            for (int k = 0; k < batch; k++) cycle(i++);
            if (GC.GetAllocatedBytesForCurrentThread() == start && warm.ElapsedMilliseconds >= 300) break;
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int k = 0; k < measured; k++) cycle(i++);
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }
}
