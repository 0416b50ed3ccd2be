using System.Text.Json.Serialization;

namespace Controller.Cli.Bench;

/// <summary>
/// The JSON written by <c>robotctl bench can --json</c>: a full CiA 402 cycle (SYNC, RPDOs out, TPDOs back) for N
/// drives on the virtual CAN bus through <c>Cia402CanDriver</c>. Times in µs.
/// </summary>
public sealed class CanBenchReport
{
    /// <summary>Schema identifier and version of this document.</summary>
    [JsonPropertyName("schema")] public string Schema { get; init; } = "robotctl.bench.can/1";

    /// <summary>When the run started (UTC).</summary>
    [JsonPropertyName("started_utc")] public DateTime StartedUtc { get; init; }

    /// <summary>Drives on the bus.</summary>
    [JsonPropertyName("drives")] public int Drives { get; init; }

    /// <summary>Cycles measured (after warm-up).</summary>
    [JsonPropertyName("cycles")] public long Cycles { get; init; }

    /// <summary>Whole cycle: driver Read + Write, bus delivery, drive twins, bus delivery back (median).</summary>
    [JsonPropertyName("cycle_p50_us")] public double CycleP50Us { get; init; }

    /// <summary>Whole cycle, 99th percentile.</summary>
    [JsonPropertyName("cycle_p99_us")] public double CycleP99Us { get; init; }

    /// <summary>Whole cycle, worst.</summary>
    [JsonPropertyName("cycle_max_us")] public double CycleMaxUs { get; init; }

    /// <summary>The driver's share alone (Read + Write, what the controller's loop thread pays), median.</summary>
    [JsonPropertyName("driver_p50_us")] public double DriverP50Us { get; init; }

    /// <summary>The driver's share, 99th percentile.</summary>
    [JsonPropertyName("driver_p99_us")] public double DriverP99Us { get; init; }

    /// <summary>Frames on the bus per cycle (SYNC, RPDOs, TPDOs, heartbeats), counted by a listening node.</summary>
    [JsonPropertyName("frames_per_cycle")] public double FramesPerCycle { get; init; }

    /// <summary>Frames per cycle by CANopen function (Sync, Rpdo, Tpdo, Heartbeat, …).</summary>
    [JsonPropertyName("frames_per_cycle_by_function")] public IReadOnlyDictionary<string, double> FramesPerCycleByFunction { get; init; } = new Dictionary<string, double>();

    /// <summary>Bits on the wire per cycle: each frame 47 + 8·n bits (standard id) or 67 + 8·n (extended) plus worst-case bit stuffing.</summary>
    [JsonPropertyName("bits_per_cycle")] public double BitsPerCycle { get; init; }

    /// <summary>Bus time per cycle at 1 Mbit/s (µs): the shortest cycle period this bus can carry.</summary>
    [JsonPropertyName("bus_time_per_cycle_us")] public double BusTimePerCycleUs { get; init; }

    /// <summary>Bus load at 1 Mbit/s with a 1 kHz cycle (percent; above 100 the cycle does not fit).</summary>
    [JsonPropertyName("bus_load_percent_at_1khz")] public double BusLoadPercentAt1Khz { get; init; }

    /// <summary>Bytes allocated on the measuring thread during the measured cycles (the cycle path must allocate none).</summary>
    [JsonPropertyName("allocated_bytes")] public long AllocatedBytes { get; init; }
}
