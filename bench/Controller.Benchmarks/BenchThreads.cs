using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Controller.Pipeline.Threading;

namespace Controller.Benchmarks;

/// <summary>A long on a cache line of its own (64 bytes of padding either side), so two threads' counters never share a line.</summary>
[StructLayout(LayoutKind.Explicit, Size = 192)]
public struct PaddedLong
{
    [FieldOffset(64)]
    public long Value;
}

/// <summary>CPU placement and the dedicated peer threads the multi-threaded benchmarks use.</summary>
public static class BenchThreads
{
    /// <summary>The CPU the benchmark (producing / pinging) thread is pinned to.</summary>
    public const int MainCpu = 0;

    /// <summary>The CPU the peer (consuming / echoing) thread or process is pinned to.</summary>
    public const int PeerCpu = 1;

    /// <summary>True when there are at least two CPUs, so the two ends can be pinned apart.</summary>
    public static bool CanPinApart => Environment.ProcessorCount >= 2;

    /// <summary>
    /// What every wait loop in these benchmarks does between two polls: one normalised
    /// <see cref="Thread.SpinWait(int)"/> iteration (a few PAUSE instructions), as the pipeline's own spinners do.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void SpinOnce() => Thread.SpinWait(1);

    /// <summary>Pins the calling thread to <see cref="MainCpu"/> when the two ends can be pinned apart.</summary>
    public static bool PinMain() => CanPinApart && CpuAffinity.TryPinCurrentThread(MainCpu);

    /// <summary>Pins the calling thread to <see cref="PeerCpu"/> when the two ends can be pinned apart.</summary>
    public static bool PinPeer() => CanPinApart && CpuAffinity.TryPinCurrentThread(PeerCpu);

    /// <summary>Undoes <see cref="PinMain"/>.</summary>
    public static void Unpin() => CpuAffinity.TryUnpinCurrentThread();

    /// <summary>Starts <paramref name="body"/> on a dedicated, pinned, high-priority background thread.</summary>
    public static Thread StartPeer(string name, Action body, Action<Exception> onFault)
    {
        var thread = new Thread(() =>
        {
            PinPeer();
            try { body(); }
            catch (Exception ex) { onFault(ex); }
        })
        {
            Name = name,
            IsBackground = true,
            Priority = ThreadPriority.Highest,
        };
        thread.Start();
        return thread;
    }

    /// <summary>Asks a peer thread to stop (the caller sets its flag first) and waits for it.</summary>
    public static void Join(Thread? thread, string what)
    {
        if (thread is null) return;
        if (!thread.Join(TimeSpan.FromSeconds(5)))
        {
            throw new InvalidOperationException($"The {what} thread did not stop within 5 s.");
        }
    }
}

/// <summary>A failure on a peer thread, surfaced on the benchmark thread instead of a silent hang.</summary>
public sealed class PeerFault
{
    private Exception? _fault;

    public void Set(Exception ex) => Volatile.Write(ref _fault, ex);

    /// <summary>Throws if the peer thread died.</summary>
    public void ThrowIfFaulted()
    {
        var fault = Volatile.Read(ref _fault);
        if (fault is not null) throw new InvalidOperationException("A benchmark peer thread failed.", fault);
    }
}
