using System.Text.Json.Serialization;

namespace Controller.Cli.Bench;

/// <summary>
/// The JSON written by <c>robotctl bench pipeline --json</c>. Field names are stable (snake_case); a
/// figure that could not be measured is <c>null</c> and the reason is in <see cref="Notes"/>.
/// </summary>
public sealed class PipelineBenchReport
{
    /// <summary>Schema identifier and version of this document.</summary>
    [JsonPropertyName("schema")] public string Schema { get; init; } = "robotctl.bench.pipeline/1";

    /// <summary>When the run started (UTC, ISO 8601).</summary>
    [JsonPropertyName("started_utc")] public DateTime StartedUtc { get; init; }

    /// <summary>Requested measuring time in seconds.</summary>
    [JsonPropertyName("seconds")] public double Seconds { get; init; }
    /// <summary>The machine and runtime the figures come from.</summary>
    [JsonPropertyName("environment")] public required BenchEnvironment Environment { get; init; }

    /// <summary>Message size used for throughput and round trips (bytes).</summary>
    [JsonPropertyName("message_bytes")] public int MessageBytes { get; init; }

    /// <summary>Capacity of every ring and channel under test.</summary>
    [JsonPropertyName("queue_capacity")] public int QueueCapacity { get; init; }

    /// <summary>Pause iterations every throughput consumer waits when its queue is empty.</summary>
    [JsonPropertyName("consumer_idle_spins")] public int ConsumerIdleSpins { get; init; } = ThroughputProbe.EmptyBackoffSpins;

    /// <summary>
    /// Median cross-thread throughput of our SPSC ring (messages/s) with a batch consumer (drains up to 256
    /// messages per call), over the rounds. The throughput target is judged on this figure.
    /// </summary>
    [JsonPropertyName("ring_msgs_per_s")] public double RingMsgsPerS { get; init; }

    /// <summary>Median cross-thread throughput of a bounded single-reader/writer Channel (messages/s) with a batch consumer (a TryRead loop).</summary>
    [JsonPropertyName("channels_msgs_per_s")] public double ChannelsMsgsPerS { get; init; }

    /// <summary><see cref="RingMsgsPerS"/> / <see cref="ChannelsMsgsPerS"/>.</summary>
    [JsonPropertyName("ring_vs_channels")] public double RingVsChannels { get; init; }

    /// <summary>Median ring throughput with a consumer that reads one message per call (messages/s).</summary>
    [JsonPropertyName("ring_single_msgs_per_s")] public double RingSingleMsgsPerS { get; init; }

    /// <summary>Median Channel throughput with a consumer that reads one message per call (messages/s).</summary>
    [JsonPropertyName("channels_single_msgs_per_s")] public double ChannelsSingleMsgsPerS { get; init; }

    /// <summary><see cref="RingSingleMsgsPerS"/> / <see cref="ChannelsSingleMsgsPerS"/>.</summary>
    [JsonPropertyName("ring_vs_channels_single")] public double RingVsChannelsSingle { get; init; }

    /// <summary>Per-round ring throughputs (messages/s, batch consumer), in run order.</summary>
    [JsonPropertyName("ring_msgs_per_s_rounds")] public required double[] RingRounds { get; init; }

    /// <summary>Per-round Channel throughputs (messages/s, batch consumer), in run order.</summary>
    [JsonPropertyName("channels_msgs_per_s_rounds")] public required double[] ChannelsRounds { get; init; }

    /// <summary>Median cross-thread round trip through two SPSC rings (ns).</summary>
    [JsonPropertyName("ring_rtt_p50_ns")] public long RingRttP50Ns { get; init; }

    /// <summary>99th-percentile cross-thread round trip through two SPSC rings (ns).</summary>
    [JsonPropertyName("ring_rtt_p99_ns")] public long RingRttP99Ns { get; init; }

    /// <summary>Median cross-thread round trip through two Channels (ns).</summary>
    [JsonPropertyName("channels_rtt_p50_ns")] public long ChannelsRttP50Ns { get; init; }

    /// <summary>99th-percentile cross-thread round trip through two Channels (ns).</summary>
    [JsonPropertyName("channels_rtt_p99_ns")] public long ChannelsRttP99Ns { get; init; }

    /// <summary>Median cross-process round trip through two shared-memory SPSC rings (ns), null when unavailable.</summary>
    [JsonPropertyName("ring_shm_rtt_p50_ns")] public long? RingShmRttP50Ns { get; init; }

    /// <summary>99th-percentile cross-process round trip through two shared-memory SPSC rings (ns).</summary>
    [JsonPropertyName("ring_shm_rtt_p99_ns")] public long? RingShmRttP99Ns { get; init; }

    /// <summary>Median round trip of the C ping-pong over shared memory: the floor (ns), null when no C compiler.</summary>
    [JsonPropertyName("floor_rtt_p50_ns")] public long? FloorRttP50Ns { get; init; }

    /// <summary>99th-percentile round trip of the C ping-pong (ns).</summary>
    [JsonPropertyName("floor_rtt_p99_ns")] public long? FloorRttP99Ns { get; init; }

    /// <summary><see cref="RingRttP50Ns"/> / <see cref="FloorRttP50Ns"/>.</summary>
    [JsonPropertyName("ring_rtt_vs_floor")] public double? RingRttVsFloor { get; init; }

    /// <summary>Managed bytes allocated per ring operation on the measuring threads (target: exactly 0).</summary>
    [JsonPropertyName("allocated_bytes_per_op")] public double AllocatedBytesPerOp { get; init; }

    /// <summary>The targets and whether this run met them.</summary>
    [JsonPropertyName("targets")] public required BenchTargets Targets { get; init; }

    /// <summary>Anything that limits how far the figures can be trusted (no pinning, no compiler, ...).</summary>
    [JsonPropertyName("notes")] public required List<string> Notes { get; init; }
}
