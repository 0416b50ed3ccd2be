namespace Controller.Cli.Bench.Suite;

/// <summary>
/// <c>serial.&lt;protocol&gt;</c>: <c>bench serial</c> as figures. A chain twin of six servos on a pseudo-terminal
/// that holds every reply back by its wire time at 1 Mbit/s, driven through the real group driver: the cycle
/// beside its wire-time floor. Unlike <c>bus.*</c> it does not depend on the robot: the same chain on every machine,
/// so its ratio to the floor compares hosts.
/// </summary>
public sealed class SerialSuite : IBenchSuite
{
    private const int BaudRate = 1_000_000;
    private const int Servos = 6;
    private readonly string _protocol;

    /// <summary>A suite for <paramref name="protocol"/>: <c>dynamixel</c> or <c>feetech</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Another protocol.</exception>
    public SerialSuite(string protocol)
    {
        if (protocol is not ("dynamixel" or "feetech"))
            throw new ArgumentOutOfRangeException(nameof(protocol), protocol, "protocol must be dynamixel or feetech");
        _protocol = protocol;
    }

    /// <inheritdoc/>
    public string Name => $"serial.{_protocol}";

    /// <inheritdoc/>
    public BenchSuiteResult Run(BenchSuiteContext context, CancellationToken cancellation)
    {
        var r = SerialBenchmark.Run(_protocol, BaudRate, Servos, context.Seconds);
        return new BenchSuiteResult
        {
            Name = Name,
            Target = $"{_protocol} chain twin, {Servos} servos, wire time emulated at {BaudRate} baud, on a pty",
            Figures =
            [
                BenchFigure.Latency("cycle_p50_us", r.CycleP50Us),
                BenchFigure.Latency("cycle_p99_us", r.CycleP99Us),
                BenchFigure.Latency("cycle_max_us", r.CycleMaxUs, gated: false),
                BenchFigure.Latency("p50_vs_wire_floor", r.RatioP50ToFloor, unit: "ratio"),
                BenchFigure.Count("failed_cycles", r.FailedCycles),
                BenchFigure.Allocation("allocated_bytes_per_cycle", r.Cycles == 0 ? null : (double)r.AllocatedBytes / r.Cycles),
            ],
            Notes = [$"{r.Cycles} cycles; wire floor {r.BytesPerCycle} B × 10 bit / {BaudRate} baud = {r.WireFloorUs:F1} µs"],
        };
    }
}
