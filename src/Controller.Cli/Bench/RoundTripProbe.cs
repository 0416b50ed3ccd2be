using System.Runtime.CompilerServices;
using Controller.Pipeline.Time;

namespace Controller.Cli.Bench;

/// <summary>
/// Round-trip latency: the initiator writes one message into a link and spins until the echo comes back,
/// timing each round trip. The echo side runs on another thread (<see cref="RunEcho{TQueue}"/>) or in
/// another process (<c>robotctl bench pipeline-echo</c>).
/// </summary>
public static class RoundTripProbe
{
    /// <summary>Round trips run, and discarded, before sampling starts, at least.</summary>
    public const int WarmupRoundTrips = 20_000;

    /// <summary>
    /// Warm-up time, at least: tiered compilation waits 100 ms without new methods before it starts counting
    /// calls, then recompiles hot methods in the background, so a count-only warm-up can measure tier-0 code.
    /// </summary>
    public const long WarmupNs = 400_000_000;

    private const long EchoTimeoutNs = 5_000_000_000;
    private const long EchoTimeoutSpins = 1 << 20;

    /// <summary>
    /// Runs round trips on the calling thread for <paramref name="durationNs"/> (after a warm-up) or until
    /// <paramref name="samples"/> is full; returns bytes allocated by this thread while sampling.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static long RunInitiator<TQueue>(TQueue link, long durationNs, LatencySamples samples)
        where TQueue : struct, IBenchQueue<BenchMessage>
    {
        var message = default(BenchMessage);
        long warmEnd = MonotonicClock.Now() + WarmupNs;
        for (int i = 0; i < WarmupRoundTrips || MonotonicClock.Now() < warmEnd; i++)
        {
            message.Header.TimestampNs = MonotonicClock.Now();
            RoundTrip(link, ref message);
        }
        samples.Clear();
        long before = GC.GetAllocatedBytesForCurrentThread();
        long deadline = MonotonicClock.Now() + durationNs;
        while (!samples.IsFull)
        {
            long t0 = MonotonicClock.Now();
            message.Header.TimestampNs = t0;
            RoundTrip(link, ref message);
            long t1 = MonotonicClock.Now();
            samples.Add(t1 - t0);
            if (t1 >= deadline) break;
        }
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }

    /// <summary>
    /// Echoes every message read from <paramref name="link"/> back into it until a message with a negative
    /// sequence arrives or <paramref name="stop"/> is set; returns bytes allocated by this thread.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static long RunEcho<TQueue>(TQueue link, StopFlag stop)
        where TQueue : struct, IBenchQueue<BenchMessage>
    {
        long before = GC.GetAllocatedBytesForCurrentThread();
        while (!stop.IsSet)
        {
            if (!link.TryRead(out var message)) continue;
            if (message.Header.Sequence < 0) break;
            while (!link.TryWrite(message)) Thread.SpinWait(1);
        }
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }

    /// <summary>Sends the negative-sequence message that stops an echo peer.</summary>
    public static void SendStop<TQueue>(TQueue link) where TQueue : struct, IBenchQueue<BenchMessage>
    {
        var stop = default(BenchMessage);
        stop.Header.Sequence = -1;
        while (!link.TryWrite(stop)) Thread.SpinWait(1);
    }

    /// <summary>One round trip; the message's timestamp is its send time, used only for the dead-peer timeout.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void RoundTrip<TQueue>(TQueue link, ref BenchMessage message) where TQueue : struct, IBenchQueue<BenchMessage>
    {
        message.Header.Sequence++;
        while (!link.TryWrite(message)) Thread.SpinWait(1);
        BenchMessage echo;
        long spins = 0;
        while (!link.TryRead(out echo))
        {
            // A dead echo peer must not hang the benchmark: look at the clock only every 64k spins.
            if ((++spins & 0xFFFF) == 0 && spins > EchoTimeoutSpins && MonotonicClock.Now() - message.Header.TimestampNs > EchoTimeoutNs)
                throw new TimeoutException($"The echo peer did not answer message {message.Header.Sequence} within {EchoTimeoutNs / 1_000_000_000} s.");
        }
        message.A = echo.A;
    }
}
