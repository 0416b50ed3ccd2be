using Controller.Cerebellum.Loop;
using Controller.Hardware.Devices.EtherCat;
using Controller.Hardware.Simulation.EtherCat;
using Controller.Pipeline.Time;

namespace Controller.Cerebellum.Tests.Loop;

public class DcLockedPacerTests
{
    private const long PeriodNs = 1_000_000;

    [Fact]
    public void AdjustDeadlineNs_AfterAnObservation_MovesTheScheduleByTheCorrectionOnce()
    {
        var clock = new ManualClock(0);
        var pacing = new DcLoopPacing(new DcPhaseLock(PeriodNs));
        var pacer = new DcLockedPacer(new ManualPacer(clock), pacing);

        pacing.Observe(200_000); // DC time 200 µs past the target phase: start the next cycle earlier
        long correction = pacing.PhaseLock.CorrectionNs;
        long first = pacer.AdjustDeadlineNs(PeriodNs);
        long second = pacer.AdjustDeadlineNs(first + PeriodNs); // no new observation: nothing is added twice

        Assert.True(correction < 0);
        Assert.Equal(PeriodNs + correction, first);
        Assert.Equal(2 * PeriodNs + correction, second);
        Assert.Equal(first, pacer.WaitUntil(first));
        Assert.Equal(correction, pacing.ShiftNs);
    }

    [Fact]
    public void AdjustDeadlineNs_LoopAgainstADriftingDcClock_CycleStartsLockToThePhase()
    {
        var clock = new ManualClock(0);
        var dc = new SimulatedDcClock(new byte[0x10000]) { DriftPpm = -60, LocalStartNs = 123_456_789 };
        dc.OnFrameArrival(0, null);
        var pacing = new DcLoopPacing(new DcPhaseLock(PeriodNs, phaseNs: 400_000));
        var pacer = new DcLockedPacer(new ManualPacer(clock), pacing);

        long wake = 0, next = PeriodNs;
        for (long k = 1; k <= 3000; k++)
        {
            long deadline = pacer.AdjustDeadlineNs(next); // as CycleLoop does: the schedule moves by each correction
            wake = pacer.WaitUntil(deadline);
            next = deadline + PeriodNs;
            pacing.Observe(dc.SystemTimeNs(wake)); // what the cyclic frame's FRMW would read
        }

        Assert.InRange(dc.SystemTimeNs(wake) % PeriodNs, 400_000 - 50, 400_000 + 50);
        Assert.InRange(pacing.PhaseLock.PhaseErrorNs, -50, 50);
    }

    [Theory]
    [InlineData(-100)]
    [InlineData(100)]
    public void CycleLoop_DcClockDriftingFromTheHostForAMinute_NoOverrunsAndNoGrowingLateness(double driftPpm)
    {
        // 100 ppm for 60 s moves the lock 6 ms: against a fixed grid every cycle would read 6 periods late (overruns).
        var clock = new ManualClock(0);
        var dc = new SimulatedDcClock(new byte[0x10000]) { DriftPpm = driftPpm, LocalStartNs = 987_654_321 };
        dc.OnFrameArrival(0, null);
        var pacing = new DcLoopPacing(new DcPhaseLock(PeriodNs, phaseNs: 300_000));
        var body = new DcObservingBody(pacing, dc, clock);
        var loop = new CycleLoop<DcObservingBody>(body, new DcLockedPacer(new ManualPacer(clock), pacing), new LoopOptions(1000));

        loop.RunCycles(60_000);

        Assert.Equal(0, loop.Overruns);
        Assert.InRange(Math.Abs(pacing.ShiftNs), 5_000_000, 7_000_000);
        Assert.InRange(loop.Lateness.Max, 0, 1_000);
        Assert.InRange(pacing.PhaseLock.PhaseErrorNs, -50, 50);
    }

    /// <summary>The cyclic frame's part: each cycle reads the reference clock, as the EtherCAT driver's FRMW does.</summary>
    private struct DcObservingBody(DcLoopPacing pacing, SimulatedDcClock dc, ManualClock clock) : ICycleBody
    {
        public readonly void Read(in CycleTime time) => pacing.Observe(dc.SystemTimeNs(clock.NowNs));

        public readonly void Update(in CycleTime time) { }

        public readonly void Write(in CycleTime time) { }
    }
}
