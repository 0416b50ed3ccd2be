using System.Text.Json.Serialization;

namespace Controller.Cli.Bench;

/// <summary>The JSON written by <c>robotctl bench ethercat --json</c>. Times in µs.</summary>
public sealed class EtherCatBenchReport
{
    /// <summary>Schema identifier and version of this document.</summary>
    [JsonPropertyName("schema")] public string Schema { get; init; } = "robotctl.bench.ethercat/1";

    /// <summary>When the run started (UTC).</summary>
    [JsonPropertyName("started_utc")] public DateTime StartedUtc { get; init; }

    /// <summary>What carried the frames: the veth pair and namespace, or the in-process virtual NIC.</summary>
    [JsonPropertyName("transport")] public required string Transport { get; init; }

    /// <summary>Simulated slaves (an EK1100 and EL2004s).</summary>
    [JsonPropertyName("slaves")] public int Slaves { get; init; }

    /// <summary>Cycle rate of the measured run (Hz).</summary>
    [JsonPropertyName("rate_hz")] public double RateHz { get; init; }

    /// <summary>Measured seconds at <see cref="RateHz"/>.</summary>
    [JsonPropertyName("seconds")] public double Seconds { get; init; }

    /// <summary>Cycles measured.</summary>
    [JsonPropertyName("cycles")] public long Cycles { get; init; }

    /// <summary>Median round trip: frame sent to reply decoded.</summary>
    [JsonPropertyName("rtt_p50_us")] public double RttP50Us { get; init; }

    /// <summary>99th percentile round trip.</summary>
    [JsonPropertyName("rtt_p99_us")] public double RttP99Us { get; init; }

    /// <summary>Longest round trip.</summary>
    [JsonPropertyName("rtt_max_us")] public double RttMaxUs { get; init; }

    /// <summary>Cycles whose working counter was not what every slave doing its part gives.</summary>
    [JsonPropertyName("wkc_errors")] public long WkcErrors { get; init; }

    /// <summary>Cycles whose reply did not come back within one period.</summary>
    [JsonPropertyName("lost_frames")] public long LostFrames { get; init; }

    /// <summary>Cycles that ended after the next cycle's deadline.</summary>
    [JsonPropertyName("overruns")] public long Overruns { get; init; }

    /// <summary>Bytes the loop thread allocated during the measured cycles (0 expected).</summary>
    [JsonPropertyName("allocated_bytes")] public long AllocatedBytes { get; init; }

    /// <summary>99th percentile of |phase error| of the host cycle start against DC time, second half of the run (DcPhaseLock).</summary>
    [JsonPropertyName("dc_phase_error_p99_us")] public double DcPhaseErrorP99Us { get; init; }

    /// <summary>Median lateness of the loop's wake-up after its deadline (scheduling, not EtherCAT).</summary>
    [JsonPropertyName("wake_late_p50_us")] public double WakeLateP50Us { get; init; }

    /// <summary>99th percentile wake-up lateness.</summary>
    [JsonPropertyName("wake_late_p99_us")] public double WakeLateP99Us { get; init; }

    /// <summary>Highest rate sustained for <see cref="MaxRateSeconds"/> with no lost frame, wkc error or overrun (0: not searched or none).</summary>
    [JsonPropertyName("max_rate_hz")] public double MaxRateHz { get; init; }

    /// <summary>Seconds each step of the max-rate search ran.</summary>
    [JsonPropertyName("max_rate_seconds")] public double MaxRateSeconds { get; init; }

    /// <summary>Each step of the search: rate and missed cycles.</summary>
    [JsonPropertyName("max_rate_steps")] public required IReadOnlyList<EtherCatRateStep> MaxRateSteps { get; init; }

    /// <summary>What the cyclic thread was granted (SCHED_FIFO, memory lock), one line each.</summary>
    [JsonPropertyName("realtime")] public IReadOnlyList<string> Realtime { get; init; } = [];

    /// <summary>The machine.</summary>
    [JsonPropertyName("environment")] public required BenchEnvironment Environment { get; init; }
}

/// <summary>One step of the max-rate search.</summary>
/// <param name="RateHz">Rate tried.</param>
/// <param name="Cycles">Cycles run.</param>
/// <param name="Missed">Lost frames + wkc errors + overruns.</param>
/// <param name="RttP99Us">99th percentile round trip at this rate.</param>
public sealed record EtherCatRateStep(
    [property: JsonPropertyName("rate_hz")] double RateHz,
    [property: JsonPropertyName("cycles")] long Cycles,
    [property: JsonPropertyName("missed")] long Missed,
    [property: JsonPropertyName("rtt_p99_us")] double RttP99Us);
