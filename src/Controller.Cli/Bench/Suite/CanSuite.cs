namespace Controller.Cli.Bench.Suite;

/// <summary>
/// <c>can</c>: <c>bench can</c> as figures: a full CiA 402 cycle (SYNC, RPDOs out, TPDOs back) for twelve drive twins
/// on the in-process virtual CAN bus through <c>Cia402CanDriver</c>, on a manual clock. Independent of the robot and
/// of any kernel CAN support, so it runs everywhere; the bus load is the frame-size estimate at 1 Mbit/s.
/// </summary>
public sealed class CanSuite : IBenchSuite
{
    private const int Drives = 12;

    /// <inheritdoc/>
    public string Name => "can";

    /// <inheritdoc/>
    public BenchSuiteResult Run(BenchSuiteContext context, CancellationToken cancellation)
    {
        var r = CanBenchmark.Run(Drives, context.Seconds);
        return new BenchSuiteResult
        {
            Name = Name,
            Target = $"virtual CAN bus, {Drives} CiA 402 drive twins",
            Figures =
            [
                BenchFigure.Latency("cycle_p50_us", r.CycleP50Us),
                BenchFigure.Latency("cycle_p99_us", r.CycleP99Us),
                BenchFigure.Latency("cycle_max_us", r.CycleMaxUs, gated: false),
                BenchFigure.Latency("driver_p50_us", r.DriverP50Us),
                BenchFigure.Latency("driver_p99_us", r.DriverP99Us),
                BenchFigure.Latency("bus_load_percent_at_1khz", r.BusLoadPercentAt1Khz, unit: "percent"),
                BenchFigure.Allocation("allocated_bytes_per_cycle", r.Cycles == 0 ? null : (double)r.AllocatedBytes / r.Cycles),
            ],
            Notes = [$"{r.Cycles} cycles, {r.FramesPerCycle:F2} frames/cycle, {r.BitsPerCycle:F0} bits/cycle (worst-case stuffing)"],
        };
    }
}
