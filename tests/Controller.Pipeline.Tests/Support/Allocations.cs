namespace Controller.Pipeline.Tests.Support;

/// <summary>Measures managed allocation of the calling thread around a body that was already warmed up.</summary>
public static class Allocations
{
    /// <summary>Runs <paramref name="body"/> once to warm it up (JIT, statics), then again, measured.</summary>
    public static long OfCurrentThread(Action body)
    {
        body();
        long before = GC.GetAllocatedBytesForCurrentThread();
        body();
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }
}
