using Controller.Hardware.Devices.EtherCat;
using Controller.Hardware.Simulation.EtherCat;

namespace Controller.Hardware.Tests.Devices.EtherCat;

/// <summary>A host loop paced by its own clock, corrected by <see cref="DcPhaseLock"/>, against a simulated DC clock that drifts.</summary>
public class DcPhaseLockTests
{
    private const long PeriodNs = 1_000_000;

    /// <summary>Runs the loop; returns the phase errors. <paramref name="jitterNs"/> perturbs when each cycle really starts.</summary>
    private static long[] Run(double driftPpm, long startPhaseNs, int cycles, long jitterNs = 0, long phaseNs = 0)
    {
        var dc = new SimulatedDcClock(new byte[0x10000]) { DriftPpm = driftPpm, LocalStartNs = startPhaseNs };
        dc.OnFrameArrival(0, null);
        var phaseLock = new DcPhaseLock(PeriodNs, phaseNs);
        var random = new Random(7);
        var errors = new long[cycles];
        long hostNs = 0;
        for (int k = 0; k < cycles; k++)
        {
            long started = hostNs + (jitterNs == 0 ? 0 : random.NextInt64(-jitterNs, jitterNs + 1));
            long correction = phaseLock.Update(dc.SystemTimeNs(started));
            errors[k] = phaseLock.PhaseErrorNs;
            hostNs += PeriodNs + correction;
        }
        return errors;
    }

    [Theory]
    [InlineData(80, 400_000)]
    [InlineData(-80, 499_999)]
    [InlineData(0, -300_000)]
    public void Update_DriftingDcClock_PhaseErrorSettlesBelow50Ns(double driftPpm, long startPhaseNs)
    {
        long[] errors = Run(driftPpm, startPhaseNs, 2000);

        Assert.True(Math.Abs(errors[0]) > 100_000);
        Assert.All(errors[^200..], e => Assert.InRange(e, -50, 50));
    }

    [Fact]
    public void Update_JitteryHostWakeUps_MeanErrorStaysNearZeroAndBoundedByTheJitter()
    {
        long[] errors = Run(50, 250_000, 4000, jitterNs: 20_000);

        var tail = errors[^2000..];
        Assert.InRange(tail.Average(), -2_000, 2_000);
        Assert.All(tail, e => Assert.InRange(e, -60_000, 60_000));
    }

    [Fact]
    public void Update_TargetPhase_LocksCycleStartsThatFarIntoThePeriod()
    {
        var dc = new SimulatedDcClock(new byte[0x10000]) { DriftPpm = 30 };
        dc.OnFrameArrival(0, null);
        var phaseLock = new DcPhaseLock(PeriodNs, phaseNs: 250_000);
        long hostNs = 0;
        for (int k = 0; k < 2000; k++)
            hostNs += PeriodNs + phaseLock.Update(dc.SystemTimeNs(hostNs));

        Assert.InRange(dc.SystemTimeNs(hostNs) % PeriodNs, 250_000 - 50, 250_000 + 50);
    }

    [Fact]
    public void Update_ThousandsOfCycles_AllocatesNothing()
    {
        var phaseLock = new DcPhaseLock(PeriodNs);
        phaseLock.Update(123);
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (long k = 0; k < 10_000; k++)
            phaseLock.Update(k * 999_950);
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Theory]
    [InlineData(5_000, 0, 0.1, 0.01)]
    [InlineData(1_000_000, 1_000_000, 0.1, 0.01)]
    [InlineData(1_000_000, 0, 0, 0)]
    [InlineData(1_000_000, 0, 0.1, 0.2)]
    public void Constructor_OutOfRange_ThrowsNamingTheValue(long period, long phase, double kp, double ki) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new DcPhaseLock(period, phase, kp, ki));
}
