using System.Diagnostics;
using Controller.Pipeline.Time;

namespace Controller.Pipeline.Tests.Time;

public sealed class MonotonicClockTests
{
    [Fact]
    public void Now_ManyConsecutiveReads_NeverDecreases()
    {
        long previous = MonotonicClock.Now();
        for (int i = 0; i < 1_000_000; i++)
        {
            long now = MonotonicClock.Now();
            Assert.True(now >= previous, $"read {i}: {now} after {previous}");
            previous = now;
        }
    }

    [Fact]
    public void NowNs_InstanceAndStatic_AgreeInOrder()
    {
        long first = MonotonicClock.Now();
        long viaInstance = MonotonicClock.Instance.NowNs;
        long viaInterface = ((IMonotonicClock)MonotonicClock.Instance).NowNs;
        long last = MonotonicClock.Now();

        Assert.InRange(viaInstance, first, last);
        Assert.InRange(viaInterface, viaInstance, last);
        Assert.Same(MonotonicClock.Instance, MonotonicClock.Instance);
    }

    [Fact]
    public void Now_AgainstStopwatchTimestamp_IsSameClockInNanoseconds()
    {
        // Same clock as Stopwatch, converted to ns: bracketing reads must stay in order.
        long before = (long)(Stopwatch.GetTimestamp() * (1e9 / Stopwatch.Frequency));
        long now = MonotonicClock.Now();
        long after = (long)(Stopwatch.GetTimestamp() * (1e9 / Stopwatch.Frequency));

        // Allow 1 ns for rounding in the conversion.
        Assert.InRange(now, before - 1, after + 1);
        Assert.True(now > 0);
    }
}
