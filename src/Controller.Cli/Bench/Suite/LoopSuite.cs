namespace Controller.Cli.Bench.Suite;

/// <summary>
/// <c>loop</c>: <see cref="LoopBenchmark"/> at the robot's loop rate, priority and CPU, with cyclictest in alternating
/// rounds; no spin tail, so the comparison with cyclictest is like for like. Gated: our lateness p50/p99, the compute
/// p99 and our p99 over cyclictest's (the machine-independent figure); cyclictest's own figures are references.
/// For a humanoid-sized robot (at least <see cref="HumanoidJoints"/> joints on its buses, e.g. the G1) the humanoid body
/// runs too, over this configuration's own drivers and twins: its figures are prefixed <c>humanoid_</c>; the control
/// step p99 (controllers + gravity compensation + safety, target &lt; 20 µs) and its allocation are gated, the bus I/O,
/// overruns, GCs and bus faults reported (they move with the twins' host and its load).
/// </summary>
public sealed class LoopSuite : IBenchSuite
{
    /// <summary>Joints on a configuration's buses from which the humanoid body runs as well.</summary>
    public const int HumanoidJoints = 29;

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
        var figures = new List<BenchFigure>
        {
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
        };
        string target = $"idle cycle body at {r.RateHz} Hz beside cyclictest";
        if (context.Robot.Buses.Sum(b => b.Servos.Count) >= HumanoidJoints && !cancellation.IsCancellationRequested)
        {
            var h = LoopBenchmark.Run(new LoopBenchmark.Settings(loop.RateHz, context.Seconds, loop.Priority, loop.Cpu, SpinUs: 0, BackgroundAllocation: false,
                LoopBody.Humanoid, Robot: context.Robot), context.Log);
            figures.AddRange(
            [
                BenchFigure.Latency("humanoid_control_step_p50_us", h.ControlStepP50Us),
                BenchFigure.Latency("humanoid_control_step_p99_us", h.ControlStepP99Us,
                    percentiles: [new(50, h.ControlStepP50Us!.Value), new(99, h.ControlStepP99Us!.Value), new(100, h.ControlStepMaxUs!.Value)]),
                BenchFigure.Latency("humanoid_control_step_cpu_p99_us", h.ControlStepCpuP99Us, gated: false),
                BenchFigure.Latency("humanoid_bus_io_p50_us", h.BusIoP50Us, gated: false),
                BenchFigure.Latency("humanoid_bus_io_p99_us", h.BusIoP99Us, gated: false),
                BenchFigure.Latency("humanoid_lateness_p99_us", h.LatenessP99Us, gated: false),
                BenchFigure.Count("humanoid_overruns", h.Overruns),
                BenchFigure.Count("humanoid_gc_count", h.GcCount),
                BenchFigure.Count("humanoid_bus_faults", h.BusFaults),
                BenchFigure.Allocation("humanoid_allocated_bytes_per_cycle", h.Cycles > 0 ? (double)h.LoopAllocatedBytes / h.Cycles : null),
            ]);
            target += $"; humanoid body: {h.JointCount} joints over {context.Robot.Name}'s drivers, control step p99 target < {LoopBenchmark.ControlStepTargetUs} µs";
            notes.Add($"humanoid: {h.Cycles} cycles; control step p99 {h.ControlStepP99Us:0.00} µs ({(h.ControlStepTargetMet == true ? "target met" : "target NOT met")}; on-CPU p99 {h.ControlStepCpuP99Us:0.00} µs), " +
                $"bus I/O p99 {h.BusIoP99Us:0.0} µs, {h.BusFaults} bus fault(s), {h.Overruns} overrun(s)");
            notes.AddRange(h.Notes.Select(n => $"humanoid: {n}"));
        }

        return new BenchSuiteResult
        {
            Name = Name,
            Target = target,
            Figures = figures,
            Notes = notes,
        };
    }
}
