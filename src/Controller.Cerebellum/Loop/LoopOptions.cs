namespace Controller.Cerebellum.Loop;

/// <summary>Configuration of a <see cref="CycleLoop{TBody}"/>, validated on construction.</summary>
public sealed record LoopOptions
{
    /// <summary>Slowest rate accepted (Hz).</summary>
    public const double MinRateHz = 250;

    /// <summary>Fastest rate accepted (Hz).</summary>
    public const double MaxRateHz = 4000;

    /// <summary>Creates options for a loop at <paramref name="rateHz"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">When the rate is outside [250, 4000] Hz or the publish interval is not positive.</exception>
    public LoopOptions(double rateHz, int statisticsEveryCycles = 100)
    {
        if (!(rateHz >= MinRateHz && rateHz <= MaxRateHz))
            throw new ArgumentOutOfRangeException(nameof(rateHz), rateHz, $"loop rate must be between {MinRateHz} and {MaxRateHz} Hz; it is {rateHz}.");
        if (statisticsEveryCycles < 1)
            throw new ArgumentOutOfRangeException(nameof(statisticsEveryCycles), statisticsEveryCycles, $"statistics must be published every 1 or more cycles; it is {statisticsEveryCycles}.");
        RateHz = rateHz;
        PeriodNs = (long)Math.Round(1e9 / rateHz);
        StatisticsEveryCycles = statisticsEveryCycles;
    }

    /// <summary>Cycles per second.</summary>
    public double RateHz { get; }

    /// <summary>Nominal period (ns).</summary>
    public long PeriodNs { get; }

    /// <summary>How often (in cycles) the loop publishes its <see cref="Controller.Pipeline.Messages.LoopStatistics"/>.</summary>
    public int StatisticsEveryCycles { get; }
}
