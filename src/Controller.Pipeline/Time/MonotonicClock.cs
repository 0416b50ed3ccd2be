using System.Diagnostics;

namespace Controller.Pipeline.Time;

/// <summary>
/// The real clock: <see cref="Stopwatch.GetTimestamp"/>, which on Linux is <c>CLOCK_MONOTONIC</c>.
/// That clock is system-wide, so timestamps taken in different processes (brain and cerebellum over
/// shared memory) are directly comparable.
/// </summary>
public sealed class MonotonicClock : IMonotonicClock
{
    private static readonly double NsPerTick = 1e9 / Stopwatch.Frequency;
    private static readonly bool TicksAreNs = Stopwatch.Frequency == 1_000_000_000;

    /// <summary>The shared instance; the clock has no state.</summary>
    public static MonotonicClock Instance { get; } = new();

    /// <inheritdoc />
    public long NowNs => Now();

    /// <summary>Static form of <see cref="NowNs"/> for code that cannot take an injected clock (benchmarks, tools).</summary>
    public static long Now()
    {
        long ticks = Stopwatch.GetTimestamp();
        return TicksAreNs ? ticks : (long)(ticks * NsPerTick);
    }
}
