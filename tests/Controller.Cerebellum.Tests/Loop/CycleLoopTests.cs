using Controller.Cerebellum.Loop;
using Controller.Pipeline.Messages;
using Controller.Pipeline.Rings;
using Controller.Pipeline.Time;

namespace Controller.Cerebellum.Tests.Loop;

public class CycleLoopTests
{
    private const long Start = 1_000_000_000;
    private const long PeriodNs = 1_000_000;

    [Theory]
    [InlineData(249.9)]
    [InlineData(4000.1)]
    [InlineData(double.NaN)]
    [InlineData(0)]
    public void LoopOptions_RateOutOfRange_ThrowsNamingValueAndRange(double rate)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new LoopOptions(rate));

        Assert.Contains("between 250 and 4000 Hz", e.Message);
        Assert.Equal("rateHz", e.ParamName);
    }

    [Theory]
    [InlineData(250, 4_000_000)]
    [InlineData(1000, 1_000_000)]
    [InlineData(4000, 250_000)]
    public void LoopOptions_ValidRate_GivesPeriod(double rate, long periodNs) => Assert.Equal(periodNs, new LoopOptions(rate).PeriodNs);

    [Fact]
    public void RunCycles_EachCycle_CallsReadUpdateWriteInOrderWithOneTime()
    {
        var clock = new ManualClock(Start);
        var body = new RecordingBody(clock);
        var loop = new CycleLoop<RecordingBody>(body, new ManualPacer(clock), new LoopOptions(1000));

        loop.RunCycles(3);

        Assert.Equal(["read", "update", "write", "read", "update", "write", "read", "update", "write"], body.Calls.Select(c => c.Phase));
        for (int cycle = 0; cycle < 3; cycle++)
        {
            var times = body.Calls.Skip(cycle * 3).Take(3).Select(c => c.Time).Distinct().ToList();
            var time = Assert.Single(times);
            Assert.Equal(cycle, time.Cycle);
            Assert.Equal(Start + (cycle + 1) * PeriodNs, time.DeadlineNs);
            Assert.Equal(time.DeadlineNs, time.NowNs);
            Assert.Equal(PeriodNs, time.NominalPeriodNs);
            Assert.Equal(PeriodNs, time.MeasuredPeriodNs);
        }
    }

    [Fact]
    public void RunCycles_LateWakeUps_AreRecordedExactlyAndShowInMeasuredPeriod()
    {
        var clock = new ManualClock(Start);
        var body = new RecordingBody(clock);
        // Cycle k wakes k * 10 µs late.
        var pacer = new ManualPacer(clock, deadline => (deadline - Start) / PeriodNs * 10_000 - 10_000);
        var loop = new CycleLoop<RecordingBody>(body, pacer, new LoopOptions(1000));

        loop.RunCycles(5);

        var times = body.Calls.Where(c => c.Phase == "read").Select(c => c.Time).ToList();
        Assert.Equal([0, 10_000, 20_000, 30_000, 40_000], times.Select(t => t.NowNs - t.DeadlineNs));
        Assert.Equal([PeriodNs, PeriodNs + 10_000, PeriodNs + 10_000, PeriodNs + 10_000, PeriodNs + 10_000], times.Select(t => t.MeasuredPeriodNs));
        Assert.Equal(40_000, loop.Lateness.Max);
        Assert.Equal(0, loop.Overruns);
    }

    [Fact]
    public void RunCycles_ComputePastNextDeadline_CountsOverrunAndSkipsMissedDeadlines()
    {
        var clock = new ManualClock(Start);
        // Cycle 2 computes for 3.5 periods: it ends past the deadlines of cycles 3, 4 and 5.
        var body = new RecordingBody(clock, cycle => cycle == 2 ? 3 * PeriodNs + PeriodNs / 2 : 100_000);
        var loop = new CycleLoop<RecordingBody>(body, new ManualPacer(clock), new LoopOptions(1000));

        loop.RunCycles(5);

        var deadlines = body.Calls.Where(c => c.Phase == "read").Select(c => c.Time.DeadlineNs - Start).ToList();
        Assert.Equal([1, 2, 3, 7, 8], deadlines.Select(d => d / PeriodNs));
        Assert.Equal(1, loop.Overruns);
        Assert.Equal(3, loop.SkippedDeadlines);
        Assert.Equal(3 * PeriodNs + PeriodNs / 2, loop.Compute.Max);
    }

    [Fact]
    public void RunCycles_WithMailbox_PublishesStatisticsEveryNCycles()
    {
        var clock = new ManualClock(Start);
        using var mailbox = LatestValue<LoopStatistics>.Create();
        using var writer = mailbox.TakeWriter();
        var loop = new CycleLoop<CountingBody>(default, new ManualPacer(clock, _ => 2_000), new LoopOptions(1000, statisticsEveryCycles: 10), writer);

        loop.RunCycles(25);

        Assert.Equal(MailboxReadStatus.Success, mailbox.TryRead(out var stats, out long version));
        Assert.Equal(2, version);
        Assert.Equal(20, stats.Cycles);
        Assert.Equal(PeriodNs, stats.PeriodNs);
        Assert.Equal(2_000, stats.LatenessMaxNs);
        Assert.InRange(stats.LatenessP99Ns, 2_000, 2_000 + 2_000 / 32);
        Assert.Equal(2, stats.Header.Sequence);
    }

    [Fact]
    public void RunCycles_StructBodyHundredThousandCycles_AllocatesNothing()
    {
        var clock = new ManualClock(Start);
        using var mailbox = LatestValue<LoopStatistics>.Create();
        using var writer = mailbox.TakeWriter();
        var pacer = new ManualPacer(clock, deadline => deadline % 7_919);
        var loop = new CycleLoop<CountingBody>(default, pacer, new LoopOptions(1000, statisticsEveryCycles: 100), writer);
        loop.RunCycles(1_000);

        long before = GC.GetAllocatedBytesForCurrentThread();
        loop.RunCycles(100_000);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Assert.Equal(101_000, loop.Body.Updates);
        Assert.Equal(loop.Body.Reads, loop.Body.Writes);
    }

    [Fact]
    public void Run_RealPacerOnOwnThread_RunsUntilStopIsRequested()
    {
        var loop = new CycleLoop<CountingBody>(default, new AbsoluteDeadlinePacer(), new LoopOptions(4000));
        var thread = new Thread(loop.Run) { IsBackground = true };
        thread.Start();
        while (loop.Cycles < 20) Thread.Sleep(1);
        loop.RequestStop();

        Assert.True(thread.Join(TimeSpan.FromSeconds(30)), "loop did not stop");
        Assert.True(loop.Cycles >= 20);
        Assert.Equal(loop.Cycles, loop.Lateness.Count);
        Assert.Equal(loop.Cycles, loop.Compute.Count);
    }

    [Fact]
    public void WaitUntil_AbsoluteDeadline_ReturnsNoEarlierThanTheDeadline()
    {
        var pacer = new AbsoluteDeadlinePacer(spinNs: 20_000);
        for (int i = 0; i < 50; i++)
        {
            long deadline = pacer.NowNs() + 200_000;
            Assert.True(pacer.WaitUntil(deadline) >= deadline);
        }
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(1_000_001)]
    public void AbsoluteDeadlinePacer_SpinOutOfRange_Throws(long spin) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new AbsoluteDeadlinePacer(spin));
}
