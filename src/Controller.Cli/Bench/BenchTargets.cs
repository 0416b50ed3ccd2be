using System.Text.Json.Serialization;

namespace Controller.Cli.Bench;

/// <summary>The pipeline's performance targets and whether a run met them.</summary>
public sealed class BenchTargets
{
    /// <summary>Required throughput ratio over Channels.</summary>
    [JsonPropertyName("min_ring_vs_channels")] public double MinRingVsChannels { get; init; } = 10;

    /// <summary>Allowed round-trip ratio over the C floor.</summary>
    [JsonPropertyName("max_ring_rtt_vs_floor")] public double MaxRingRttVsFloor { get; init; } = 1.5;

    /// <summary>Allowed allocation per operation.</summary>
    [JsonPropertyName("max_allocated_bytes_per_op")] public double MaxAllocatedBytesPerOp { get; init; }

    /// <summary>Throughput target met.</summary>
    [JsonPropertyName("throughput_met")] public bool ThroughputMet { get; init; }

    /// <summary>Round-trip target met (false when the floor could not be measured).</summary>
    [JsonPropertyName("rtt_met")] public bool RttMet { get; init; }

    /// <summary>Allocation target met.</summary>
    [JsonPropertyName("allocation_met")] public bool AllocationMet { get; init; }
}
