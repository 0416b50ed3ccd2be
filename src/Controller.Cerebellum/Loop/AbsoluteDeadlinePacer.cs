using System.Runtime.InteropServices;
using Controller.Pipeline.Time;

namespace Controller.Cerebellum.Loop;

/// <summary>
/// Sleeps to absolute deadlines with <c>clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME)</c>, as cyclictest
/// does, so a late wake-up never shifts later deadlines (no drift). Optionally wakes
/// <see cref="SpinNs"/> early and spins the rest, trading one core's idle time for lower wake-up jitter.
/// </summary>
public sealed partial class AbsoluteDeadlinePacer : IPacer
{
    private const int ClockMonotonic = 1;
    private const int TimerAbsTime = 1;
    private const int Eintr = 4;

    /// <summary>Creates a pacer that wakes <paramref name="spinNs"/> before each deadline and spins the rest.</summary>
    /// <exception cref="ArgumentOutOfRangeException">When <paramref name="spinNs"/> is negative or over 1 ms.</exception>
    public AbsoluteDeadlinePacer(long spinNs = 0)
    {
        if (spinNs < 0 || spinNs > 1_000_000)
            throw new ArgumentOutOfRangeException(nameof(spinNs), spinNs, $"spinNs must be between 0 and 1000000 ns (1 ms); it is {spinNs}.");
        if (!OperatingSystem.IsLinux())
            throw new PlatformNotSupportedException("AbsoluteDeadlinePacer needs Linux clock_nanosleep; this platform has none.");
        SpinNs = spinNs;
    }

    /// <summary>How long before each deadline the pacer stops sleeping and spins (ns).</summary>
    public long SpinNs { get; }

    /// <inheritdoc />
    public long NowNs() => MonotonicClock.Now();

    /// <inheritdoc />
    public long WaitUntil(long deadlineNs)
    {
        SleepUntil(deadlineNs - SpinNs);
        long now = MonotonicClock.Now();
        while (now < deadlineNs) now = MonotonicClock.Now();
        return now;
    }

    /// <summary>Sleeps until the absolute monotonic time <paramref name="atNs"/> (no spin); shared with other pacers' fallbacks.</summary>
    internal static void SleepUntil(long atNs)
    {
        var request = new TimeSpec { Seconds = atNs / 1_000_000_000, Nanoseconds = atNs % 1_000_000_000 };
        // EINTR (a signal) only interrupts the sleep; the deadline is absolute, so sleeping again is exact.
        while (ClockNanosleep(ClockMonotonic, TimerAbsTime, in request, IntPtr.Zero) == Eintr) { }
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [LibraryImport("libc", EntryPoint = "clock_nanosleep")]
    private static partial int ClockNanosleep(int clock, int flags, in TimeSpec request, IntPtr remain);
}
