using Controller.Cerebellum.Loop;
using Controller.Pipeline.Time;

namespace Controller.Cerebellum.Tests.Loop;

public class DevicePacerTests
{
    private const long PeriodNs = 1_000_000;
    private const long TimeoutNs = 200_000;

    /// <summary>A device on the manual clock that signals at scheduled times.</summary>
    private sealed class ScheduledDevice(ManualClock clock) : IPacingEventSource
    {
        public Queue<long> Signals { get; } = new();

        public bool WaitForEvent(long timeoutAtNs)
        {
            while (Signals.Count > 0 && Signals.Peek() < clock.NowNs) Signals.Dequeue();   // missed while computing
            if (Signals.Count > 0 && Signals.Peek() <= timeoutAtNs)
            {
                clock.Set(Math.Max(clock.NowNs, Signals.Dequeue()));
                return true;
            }
            if (timeoutAtNs > clock.NowNs) clock.Set(timeoutAtNs);
            return false;
        }
    }

    private static (ManualClock clock, ScheduledDevice device, DevicePacer pacer, CycleLoop<RecordingBody> loop, RecordingBody body) Build()
    {
        var clock = new ManualClock(1_000_000_000);
        var device = new ScheduledDevice(clock);
        var pacer = new DevicePacer(device, new ManualPacer(clock), TimeoutNs);
        var body = new RecordingBody(clock);
        return (clock, device, pacer, new CycleLoop<RecordingBody>(body, pacer, new LoopOptions(1000)), body);
    }

    private static long[] Wakes(RecordingBody body) => body.Calls.Where(c => c.Phase == "read").Select(c => c.Time.NowNs).ToArray();

    [Fact]
    public void WaitUntil_DeviceSignalsJitteredAroundTheDeadlines_EachCycleStartsAtTheSignal()
    {
        var (clock, device, pacer, loop, body) = Build();
        long start = clock.NowNs;
        long[] jitter = [-50_000, 30_000, 150_000, 0, -120_000, 80_000];
        for (int k = 0; k < jitter.Length; k++) device.Signals.Enqueue(start + (k + 1) * PeriodNs + jitter[k]);

        loop.RunCycles(jitter.Length);

        Assert.Equal(jitter.Select((j, k) => start + (k + 1) * PeriodNs + j), Wakes(body));
        Assert.Equal(jitter.Length, pacer.DeviceCycles);
        Assert.Equal(0, pacer.DeviceTimeouts);
    }

    [Fact]
    public void WaitUntil_DeviceGoesSilent_OneLateCycleThenAbsoluteDeadlines()
    {
        var (clock, device, pacer, loop, body) = Build();
        long start = clock.NowNs;
        device.Signals.Enqueue(start + PeriodNs);
        device.Signals.Enqueue(start + 2 * PeriodNs);

        loop.RunCycles(6);

        long[] expected =
        [
            start + PeriodNs, start + 2 * PeriodNs,
            start + 3 * PeriodNs + TimeoutNs,                                          // waited out the timeout once
            start + 4 * PeriodNs, start + 5 * PeriodNs, start + 6 * PeriodNs,      // then on the clock, on time
        ];
        Assert.Equal(expected, Wakes(body));
        Assert.Equal(1, pacer.DeviceTimeouts);
        Assert.Equal(3, pacer.FallbackCycles);
        Assert.True(pacer.InFallback);
    }

    [Fact]
    public void WaitUntil_DeviceComesBack_ResyncsToItsSignals()
    {
        var (clock, device, pacer, loop, body) = Build();
        long start = clock.NowNs;
        loop.RunCycles(3);   // silent: one timeout, then fallback
        Assert.True(pacer.InFallback);

        long back = start + 4 * PeriodNs - 300_000;
        device.Signals.Enqueue(back);
        device.Signals.Enqueue(start + 5 * PeriodNs + 100_000);
        loop.RunCycles(2);

        Assert.False(pacer.InFallback);
        Assert.Equal(1, pacer.Resyncs);
        Assert.Equal([back, start + 5 * PeriodNs + 100_000], Wakes(body)[^2..]);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    [InlineData(2_000_000_000)]
    public void Constructor_BadTimeout_ThrowsNamingTheRange(long timeout)
    {
        var clock = new ManualClock();
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new DevicePacer(new ScheduledDevice(clock), new ManualPacer(clock), timeout));
        Assert.Contains("between 1 ns and 1 s", e.Message);
    }
}
