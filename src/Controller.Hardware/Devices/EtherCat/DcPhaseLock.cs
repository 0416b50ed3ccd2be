namespace Controller.Hardware.Devices.EtherCat;

/// <summary>
/// Phase-locks a host loop to DC time: each cycle, give it the reference clock's system time as seen at the start
/// of the host cycle (the FRMW of 0x0910 in the cyclic frame, <see cref="ProcessDataCycle.ReferenceClockTimeNs"/>);
/// it returns how many ns to add to the next host period so cycle starts land at <see cref="PhaseNs"/> after each
/// DC period boundary (and hence a fixed distance before SYNC0). A PI controller on the phase error (DC time modulo
/// the period, wrapped to ±period/2): the integral term settles on the host-versus-DC clock rate difference, the
/// proportional term removes the phase error. Allocation-free, lock-free, no exceptions per cycle.
/// <para>Plugging it into the cerebellum's loop: <see cref="DcLoopPacing"/> applies each correction once to a deadline shift,
/// and the cerebellum's <c>DcLockedPacer</c> moves the loop's deadlines by each correction; the cycle body calls
/// <see cref="DcLoopPacing.Observe"/> after each good <see cref="ProcessDataCycle.Exchange"/> (the CiA 402 EtherCAT driver
/// does it itself). The loop's deadlines stay a fixed grid; the shift carries the lock.</para>
/// </summary>
public sealed class DcPhaseLock
{
    private double _integralNs;

    /// <summary>Creates the lock (configuration phase).</summary>
    /// <param name="periodNs">Loop and SYNC0 period, 10 µs..1 s.</param>
    /// <param name="phaseNs">Where in the DC period the host cycle should start (0..period).</param>
    /// <param name="proportionalGain">Share of the phase error corrected per cycle, 0..1.</param>
    /// <param name="integralGain">Share of the summed error corrected per cycle, 0..proportionalGain.</param>
    /// <param name="maxCorrectionNs">Largest change of one period (default period/10), 1..period/2.</param>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of its range.</exception>
    public DcPhaseLock(long periodNs, long phaseNs = 0, double proportionalGain = 0.1, double integralGain = 0.01, long? maxCorrectionNs = null)
    {
        if (periodNs is < 10_000 or > 1_000_000_000)
            throw new ArgumentOutOfRangeException(nameof(periodNs), periodNs, "period must be 10 µs..1 s");
        if (phaseNs < 0 || phaseNs >= periodNs)
            throw new ArgumentOutOfRangeException(nameof(phaseNs), phaseNs, $"phase must be 0..{periodNs - 1} ns");
        if (!(proportionalGain > 0 && proportionalGain <= 1))
            throw new ArgumentOutOfRangeException(nameof(proportionalGain), proportionalGain, "proportional gain must be in (0, 1]");
        if (!(integralGain >= 0 && integralGain <= proportionalGain))
            throw new ArgumentOutOfRangeException(nameof(integralGain), integralGain, $"integral gain must be in [0, {proportionalGain}] (the proportional gain)");
        long max = maxCorrectionNs ?? periodNs / 10;
        if (max < 1 || max > periodNs / 2)
            throw new ArgumentOutOfRangeException(nameof(maxCorrectionNs), max, $"max correction must be 1..{periodNs / 2} ns");
        PeriodNs = periodNs;
        PhaseNs = phaseNs;
        ProportionalGain = proportionalGain;
        IntegralGain = integralGain;
        MaxCorrectionNs = max;
    }

    /// <summary>The period, ns.</summary>
    public long PeriodNs { get; }

    /// <summary>Target phase of the host cycle start within the DC period, ns.</summary>
    public long PhaseNs { get; }

    /// <summary>Proportional gain.</summary>
    public double ProportionalGain { get; }

    /// <summary>Integral gain.</summary>
    public double IntegralGain { get; }

    /// <summary>Largest correction of one period, ns.</summary>
    public long MaxCorrectionNs { get; }

    /// <summary>The last phase error (DC time of the cycle start minus the target, wrapped to ±period/2), ns.</summary>
    public long PhaseErrorNs { get; private set; }

    /// <summary>The correction to add to the next host period, ns (negative: start the next cycle earlier).</summary>
    public long CorrectionNs { get; private set; }

    /// <summary>Updates made.</summary>
    public long Updates { get; private set; }

    /// <summary>Feeds the DC time at this host cycle's start; returns <see cref="CorrectionNs"/>.</summary>
    public long Update(long dcTimeNs)
    {
        long phase = ((dcTimeNs - PhaseNs) % PeriodNs + PeriodNs) % PeriodNs;
        long error = phase > PeriodNs / 2 ? phase - PeriodNs : phase;
        PhaseErrorNs = error;
        Updates++;
        double unclamped = -(ProportionalGain * error + IntegralGain * (_integralNs + error));
        if (Math.Abs(unclamped) <= MaxCorrectionNs)
            _integralNs += error; // anti-windup: stop integrating while the correction is saturated
        CorrectionNs = (long)Math.Round(Math.Clamp(unclamped, -MaxCorrectionNs, MaxCorrectionNs));
        return CorrectionNs;
    }

    /// <summary>Forgets the integral (after a pause in the loop).</summary>
    public void Reset()
    {
        _integralNs = 0;
        CorrectionNs = 0;
        PhaseErrorNs = 0;
    }
}
