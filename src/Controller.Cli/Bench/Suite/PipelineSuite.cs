namespace Controller.Cli.Bench.Suite;

/// <summary>
/// <c>pipeline</c>: <see cref="PipelineBenchmark"/> (SPSC ring vs Channels vs the C floor) as figures. Gated: the
/// ring's throughput and round trips and its allocations; Channels and the floor are references, reported only.
/// </summary>
public sealed class PipelineSuite : IBenchSuite
{
    /// <inheritdoc/>
    public string Name => "pipeline";

    /// <inheritdoc/>
    public BenchSuiteResult Run(BenchSuiteContext context, CancellationToken cancellation)
    {
        var r = PipelineBenchmark.Run(context.Seconds, context.Log);
        return new BenchSuiteResult
        {
            Name = Name,
            Target = "in-process threads and a child process over /dev/shm",
            Figures =
            [
                BenchFigure.Higher("ring_msgs_per_s", r.RingMsgsPerS, "msg/s"),
                BenchFigure.Higher("channels_msgs_per_s", r.ChannelsMsgsPerS, "msg/s", gated: false),
                BenchFigure.Higher("ring_vs_channels", r.RingVsChannels, "ratio", gated: false),
                BenchFigure.Latency("ring_rtt_p50_ns", r.RingRttP50Ns, "ns"),
                BenchFigure.Latency("ring_rtt_p99_ns", r.RingRttP99Ns, "ns", percentiles: [new(50, r.RingRttP50Ns), new(99, r.RingRttP99Ns)]),
                BenchFigure.Latency("channels_rtt_p99_ns", r.ChannelsRttP99Ns, "ns", gated: false, percentiles: [new(50, r.ChannelsRttP50Ns), new(99, r.ChannelsRttP99Ns)]),
                BenchFigure.Latency("ring_shm_rtt_p50_ns", r.RingShmRttP50Ns, "ns"),
                BenchFigure.Latency("floor_rtt_p50_ns", r.FloorRttP50Ns, "ns", gated: false),
                BenchFigure.Latency("ring_rtt_vs_floor", r.RingRttVsFloor, "ratio", gated: false),
                BenchFigure.Allocation("allocated_bytes_per_op", r.AllocatedBytesPerOp),
            ],
            Notes = r.Notes,
        };
    }
}
