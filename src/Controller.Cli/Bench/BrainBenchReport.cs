using System.Text.Json.Serialization;

namespace Controller.Cli.Bench;

/// <summary>What <c>robotctl bench brain</c> measured (JSON names are the ones CI reads).</summary>
public sealed class BrainBenchReport
{
    /// <summary>When the run started (UTC).</summary>
    [JsonPropertyName("started_utc")] public DateTime StartedUtc { get; init; }

    /// <summary>Measuring seconds asked for.</summary>
    [JsonPropertyName("seconds")] public double Seconds { get; init; }

    /// <summary>Median per-inference time of <c>ModelHost.Run</c> over that of a bare <c>InferenceSession.Run</c>, same model, same run (demo policy).</summary>
    [JsonPropertyName("overhead_vs_bare")] public double OverheadVsBare { get; init; }

    /// <summary>Median <c>ModelHost.Run</c> time, µs.</summary>
    [JsonPropertyName("host_inference_us")] public double HostInferenceUs { get; init; }

    /// <summary>Median bare <c>InferenceSession.Run</c> time, µs.</summary>
    [JsonPropertyName("bare_inference_us")] public double BareInferenceUs { get; init; }

    /// <summary>Managed bytes allocated per <c>ModelHost.Run</c> (state assembly + run), over thousands of calls.</summary>
    [JsonPropertyName("allocated_bytes_per_inference")] public double AllocatedBytesPerInference { get; init; }

    /// <summary>Planner steps per second (render + assemble + run) while the 1 kHz loop runs.</summary>
    [JsonPropertyName("planner_hz")] public double PlannerHz { get; init; }

    /// <summary>Policy steps per second (assemble + run) while the 1 kHz loop runs.</summary>
    [JsonPropertyName("policy_hz")] public double PolicyHz { get; init; }

    /// <summary>The 1 kHz loop's p99 wake-up lateness with the brain working flat out in the same process, µs.</summary>
    [JsonPropertyName("loop_p99_with_brain_us")] public double LoopP99WithBrainUs { get; init; }

    /// <summary>The same loop's p99 lateness with no brain running, µs.</summary>
    [JsonPropertyName("loop_p99_without_brain_us")] public double LoopP99WithoutBrainUs { get; init; }

    /// <summary><see cref="LoopP99WithBrainUs"/> / <see cref="LoopP99WithoutBrainUs"/> (target ≤ 1.1).</summary>
    [JsonPropertyName("loop_p99_ratio")] public double LoopP99Ratio { get; init; }

    /// <summary>Loop overruns with the brain / without.</summary>
    [JsonPropertyName("loop_overruns_with_brain")] public long LoopOverrunsWithBrain { get; init; }

    /// <summary>Loop overruns without the brain.</summary>
    [JsonPropertyName("loop_overruns_without_brain")] public long LoopOverrunsWithoutBrain { get; init; }

    /// <summary>
    /// The same loop's p99 lateness while the same load runs in another process (<c>robotctl brain serve --flat-out</c>,
    /// attached through <c>/dev/shm</c>), µs; null when that phase could not run (<see cref="OutOfProcessNote"/> says why).
    /// </summary>
    [JsonPropertyName("loop_p99_with_brain_out_of_process_us")] public double? LoopP99WithBrainOutOfProcessUs { get; init; }

    /// <summary><see cref="LoopP99WithBrainOutOfProcessUs"/> / <see cref="LoopP99WithoutBrainUs"/> (target ≤ 1.1 for the default placement).</summary>
    [JsonPropertyName("loop_p99_ratio_out_of_process")] public double? LoopP99RatioOutOfProcess { get; init; }

    /// <summary>Loop overruns with the brain out of process.</summary>
    [JsonPropertyName("loop_overruns_with_brain_out_of_process")] public long? LoopOverrunsWithBrainOutOfProcess { get; init; }

    /// <summary>Planner steps per second in the brain process during that phase (from its status mailbox).</summary>
    [JsonPropertyName("planner_hz_out_of_process")] public double? PlannerHzOutOfProcess { get; init; }

    /// <summary>Policy steps per second in the brain process during that phase.</summary>
    [JsonPropertyName("policy_hz_out_of_process")] public double? PolicyHzOutOfProcess { get; init; }

    /// <summary>Why the out-of-process phase did not run, or null.</summary>
    [JsonPropertyName("out_of_process_note")] public string? OutOfProcessNote { get; init; }

    /// <summary>Where the brain ran for the <c>loop_p99_with_brain_us</c> figure (the out-of-process figures have their own names).</summary>
    [JsonPropertyName("placement")] public string Placement { get; init; } = "in_process";

    /// <summary>What the loop thread was granted (SCHED_FIFO, …), one line per setting.</summary>
    [JsonPropertyName("realtime")] public IReadOnlyList<string> Realtime { get; init; } = [];

    /// <summary>The machine.</summary>
    [JsonPropertyName("environment")] public required BenchEnvironment Environment { get; init; }
}
