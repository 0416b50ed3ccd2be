namespace Controller.Cli.Bench.Suite;

/// <summary>
/// <c>ethercat</c>: <c>bench ethercat</c> as figures: FRMW of the reference clock + LRW of the process image with
/// eight simulated slaves (EK1100 + EL2004s) at 1 kHz on absolute deadlines. As root it runs over a veth pair in a
/// network namespace (real raw sockets); otherwise over the in-process virtual NIC, and the target says which,
/// since the two do not compare. The max-rate search of the command is left out (it would multiply the time).
/// </summary>
public sealed class EtherCatSuite : IBenchSuite
{
    private const int Slaves = 8;
    private const double RateHz = 1000;

    /// <inheritdoc/>
    public string Name => "ethercat";

    /// <inheritdoc/>
    public BenchSuiteResult Run(BenchSuiteContext context, CancellationToken cancellation)
    {
        bool inProcess = !(OperatingSystem.IsLinux() && Environment.IsPrivilegedProcess);
        var r = EtherCatBenchmark.Run(new EtherCatBenchmark.Settings(Slaves, RateHz, context.Seconds, MaxRateSeconds: 0, inProcess), context.Log);
        var notes = new List<string> { $"{r.Cycles} cycles at {RateHz} Hz; wake-up lateness p50 {r.WakeLateP50Us:F1} µs, p99 {r.WakeLateP99Us:F1} µs" };
        if (inProcess) notes.Add("not root: in-process virtual NIC instead of a veth pair (no kernel network path in the figure)");
        return new BenchSuiteResult
        {
            Name = Name,
            Target = $"{Slaves} simulated slaves over {r.Transport}",
            Figures =
            [
                BenchFigure.Latency("rtt_p50_us", r.RttP50Us),
                BenchFigure.Latency("rtt_p99_us", r.RttP99Us),
                BenchFigure.Latency("rtt_max_us", r.RttMaxUs, gated: false),
                BenchFigure.Count("wkc_errors", r.WkcErrors),
                BenchFigure.Count("lost_frames", r.LostFrames),
                BenchFigure.Count("overruns", r.Overruns),
                BenchFigure.Latency("dc_phase_error_p99_us", r.DcPhaseErrorP99Us, gated: false),
                BenchFigure.Allocation("allocated_bytes_per_cycle", r.Cycles == 0 ? null : (double)r.AllocatedBytes / r.Cycles),
            ],
            Notes = notes,
        };
    }
}
