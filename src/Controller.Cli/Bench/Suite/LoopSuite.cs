namespace Controller.Cli.Bench.Suite;

/// <summary>
/// <c>loop</c>: <see cref="LoopBenchmark"/> at the robot's loop rate, priority and CPU, with cyclictest in alternating
/// rounds; no spin tail, so the comparison with cyclictest is like for like. Gated: our lateness p50/p99, the compute
/// p99 and our p99 over cyclictest's (the machine-independent figure); cyclictest's own figures are references.
/// </summary>
public sealed class LoopSuite : IBenchSuite
{
    /// <inheritdoc/>
    public string Name => "loop";

    /// <inheritdoc/>
    public BenchSuiteResult Run(BenchSuiteContext context, CancellationToken cancellation)
    {
        var loop = context.Robot.Loop;
        var r = LoopBenchmark.Run(new LoopBenchmark.Settings(loop.RateHz, context.Seconds, loop.Priority, loop.Cpu, SpinUs: 0, BackgroundAllocation: false), context.Log);
        IReadOnlyList<PercentilePoint>? ct = r.CyclictestP50Us is { } c50
            ? [new(50, c50), new(99, r.CyclictestP99Us!.Value), new(99.9, r.CyclictestP999Us!.Value), new(100, r.CyclictestMaxUs!.Value)]
            : null;
        var notes = new List<string>(r.Notes) { $"{r.Cycles} cycles at {r.RateHz} Hz, SCHED_FIFO {r.Priority}, CPU {r.Cpu}; {r.CyclictestCommand}" };
        notes.AddRange(r.Realtime.Select(item => $"real-time: {item}"));
        return new BenchSuiteResult
        {
            Name = Name,
            Target = $"idle cycle body at {r.RateHz} Hz beside cyclictest",
            Figures =
            [
                BenchFigure.Latency("lateness_p50_us", r.LatenessP50Us),
                BenchFigure.Latency("lateness_p99_us", r.LatenessP99Us,
                    percentiles: [new(50, r.LatenessP50Us), new(99, r.LatenessP99Us), new(99.9, r.LatenessP999Us), new(100, r.LatenessMaxUs)]),
                BenchFigure.Latency("lateness_max_us", r.LatenessMaxUs, gated: false),
                BenchFigure.Latency("compute_p99_us", r.ComputeP99Us),
                BenchFigure.Count("overruns", r.Overruns),
                BenchFigure.Count("gc_count", r.GcCount),
                BenchFigure.Latency("cyclictest_p50_us", r.CyclictestP50Us, gated: false),
                BenchFigure.Latency("cyclictest_p99_us", r.CyclictestP99Us, gated: false, percentiles: ct),
                BenchFigure.Latency("lateness_vs_cyclictest_p99", r.LatenessVsCyclictest, "ratio"),
            ],
            Notes = notes,
        };
    }
}
