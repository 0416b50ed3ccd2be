using Controller.Pipeline.Threading;

namespace Controller.Cli.Bench;

/// <summary>
/// A thread that allocates and drops short- and medium-lived garbage as fast as it can, so the garbage
/// collector runs often: what a careless brain or logger in the same process would do to the loop.
/// </summary>
public sealed class BackgroundAllocator : IDisposable
{
    private readonly Thread _thread;
    private volatile bool _stop;
    private int _avoidCpu = -1;

    /// <summary>Creates the allocator; nothing runs until <see cref="Start"/>.</summary>
    public BackgroundAllocator() => _thread = new Thread(Allocate) { IsBackground = true, Name = "bench-allocator" };

    /// <summary>Bytes allocated so far (approximate).</summary>
    public long AllocatedBytes { get; private set; }

    /// <summary>Starts allocating, off <paramref name="avoidCpu"/> when there is another CPU to use.</summary>
    public void Start(int avoidCpu)
    {
        _avoidCpu = avoidCpu;
        _thread.Start();
    }

    /// <summary>Stops allocating and waits for the thread.</summary>
    public void Stop()
    {
        _stop = true;
        if (_thread.IsAlive) _thread.Join();
    }

    /// <inheritdoc />
    public void Dispose() => Stop();

    private void Allocate()
    {
        if (_avoidCpu >= 0 && Environment.ProcessorCount > 1) CpuAffinity.TryPinCurrentThread(_avoidCpu == 0 ? 1 : 0);
        var survivors = new object[4096];
        long bytes = 0;
        for (long i = 0; !_stop; i++)
        {
            // Mostly garbage at once, one in 64 kept a while so some of it is promoted and gen1/gen2 run too.
            var chunk = new byte[256 + (int)(i % 4096)];
            bytes += chunk.Length;
            if ((i & 63) == 0) survivors[(i >> 6) % survivors.Length] = chunk;
        }
        AllocatedBytes = bytes;
    }
}
