using Controller.Cerebellum.Loop;
using Controller.Hardware.Devices.EtherCat;
using Controller.Hardware.Simulation.EtherCat;
using Controller.Pipeline.Time;

namespace Controller.Cerebellum.Tests.Loop;

public class DcLockedPacerTests
{
    private const long PeriodNs = 1_000_000;

    [Fact]
    public void WaitUntil_AfterAnObservation_WaitsForTheDeadlineMovedByTheCorrectionOnce()
    {
        var clock = new ManualClock(0);
        var pacing = new DcLoopPacing(new DcPhaseLock(PeriodNs));
        var pacer = new DcLockedPacer(new ManualPacer(clock), pacing);

        pacing.Observe(200_000); // DC time 200 µs past the target phase: start the next cycle earlier
        long correction = pacing.PhaseLock.CorrectionNs;
        long first = pacer.WaitUntil(PeriodNs);
        long second = pacer.WaitUntil(2 * PeriodNs); // no new observation: the shift stays, nothing is added twice

        Assert.True(correction < 0);
        Assert.Equal(PeriodNs + correction, first);
        Assert.Equal(2 * PeriodNs + correction, second);
        Assert.Equal(correction, pacing.ShiftNs);
    }

    [Fact]
    public void WaitUntil_LoopOnAFixedGridAgainstADriftingDcClock_CycleStartsLockToThePhase()
    {
        var clock = new ManualClock(0);
        var dc = new SimulatedDcClock(new byte[0x10000]) { DriftPpm = -60, LocalStartNs = 123_456_789 };
        dc.OnFrameArrival(0, null);
        var pacing = new DcLoopPacing(new DcPhaseLock(PeriodNs, phaseNs: 400_000));
        var pacer = new DcLockedPacer(new ManualPacer(clock), pacing);

        long wake = 0;
        for (long k = 1; k <= 3000; k++)
        {
            wake = pacer.WaitUntil(k * PeriodNs); // the loop's grid never moves
            pacing.Observe(dc.SystemTimeNs(wake)); // what the cyclic frame's FRMW would read
        }

        Assert.InRange(dc.SystemTimeNs(wake) % PeriodNs, 400_000 - 50, 400_000 + 50);
        Assert.InRange(pacing.PhaseLock.PhaseErrorNs, -50, 50);
    }
}
