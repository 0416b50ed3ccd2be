using System.Text.Json.Serialization;

namespace Controller.Cli.Bench;

/// <summary>
/// The JSON written by <c>robotctl bench loop --json</c>: our loop's wake-up lateness beside cyclictest's on
/// the same machine, rate, priority and CPU. Latencies in µs; a figure that could not be measured is null and
/// the reason is in <see cref="Notes"/>.
/// </summary>
public sealed class LoopBenchReport
{
    /// <summary>Schema identifier and version of this document.</summary>
    [JsonPropertyName("schema")] public string Schema { get; init; } = "robotctl.bench.loop/1";

    /// <summary>When the run started (UTC).</summary>
    [JsonPropertyName("started_utc")] public DateTime StartedUtc { get; init; }

    /// <summary>What each cycle ran: <c>idle</c> (the loop's own overhead) or <c>humanoid</c> (the 29-DoF G1 cycle).</summary>
    [JsonPropertyName("body")] public string Body { get; init; } = "idle";

    /// <summary>Whether the momentum observer ran in the humanoid cycle's supervisor.</summary>
    [JsonPropertyName("observer")] public bool Observer { get; init; }

    /// <summary>Joints the cycle read, controlled and wrote (0 for the idle body).</summary>
    [JsonPropertyName("joints")] public int JointCount { get; init; }

    /// <summary>Loop rate (Hz).</summary>
    [JsonPropertyName("rate_hz")] public double RateHz { get; init; }

    /// <summary>Measured seconds for each of the two (ours, then cyclictest).</summary>
    [JsonPropertyName("seconds")] public double Seconds { get; init; }

    /// <summary>SCHED_FIFO priority asked for (0: none).</summary>
    [JsonPropertyName("priority")] public int Priority { get; init; }

    /// <summary>CPU both were pinned to (-1: none).</summary>
    [JsonPropertyName("cpu")] public int Cpu { get; init; }

    /// <summary>Spin tail before each deadline (µs); 0 makes the comparison with cyclictest like for like.</summary>
    [JsonPropertyName("spin_us")] public double SpinUs { get; init; }

    /// <summary>Whether another thread allocated heavily during our run (to show what its collections do to the loop).</summary>
    [JsonPropertyName("background_allocation")] public bool BackgroundAllocation { get; init; }

    /// <summary>Cycles measured (after warm-up).</summary>
    [JsonPropertyName("cycles")] public long Cycles { get; init; }

    /// <summary>Median wake-up lateness.</summary>
    [JsonPropertyName("lateness_p50_us")] public double LatenessP50Us { get; init; }

    /// <summary>99th-percentile wake-up lateness.</summary>
    [JsonPropertyName("lateness_p99_us")] public double LatenessP99Us { get; init; }

    /// <summary>99.9th-percentile wake-up lateness.</summary>
    [JsonPropertyName("lateness_p999_us")] public double LatenessP999Us { get; init; }

    /// <summary>Worst wake-up lateness.</summary>
    [JsonPropertyName("lateness_max_us")] public double LatenessMaxUs { get; init; }

    /// <summary>
    /// 99th-percentile time of the cycle's work (Read + Update + Write), as the loop measures it. With the humanoid body it
    /// includes the bus I/O; <see cref="ControlStepP99Us"/> and <see cref="BusIoP99Us"/> split it.
    /// </summary>
    [JsonPropertyName("compute_p99_us")] public double ComputeP99Us { get; init; }

    /// <summary>Cycles whose work ran past the next deadline.</summary>
    [JsonPropertyName("overruns")] public long Overruns { get; init; }

    /// <summary>Garbage collections in the process during our measured run (target: 0).</summary>
    [JsonPropertyName("gc_count")] public int GcCount { get; init; }

    /// <summary>Bytes allocated on the loop thread during the measured cycles (target: 0).</summary>
    [JsonPropertyName("loop_allocated_bytes")] public long LoopAllocatedBytes { get; init; }

    /// <summary>Humanoid body: median time of the control step (Update: controllers, gravity compensation, safety supervisor); null for idle.</summary>
    [JsonPropertyName("control_step_p50_us")] public double? ControlStepP50Us { get; init; }

    /// <summary>Humanoid body: 99th-percentile control step (the target: under 20 µs); null for idle.</summary>
    [JsonPropertyName("control_step_p99_us")] public double? ControlStepP99Us { get; init; }

    /// <summary>Humanoid body: worst control step; null for idle.</summary>
    [JsonPropertyName("control_step_max_us")] public double? ControlStepMaxUs { get; init; }

    /// <summary>Humanoid body: whether <see cref="ControlStepP99Us"/> is under the 20 µs target; null for idle.</summary>
    [JsonPropertyName("control_step_target_met")] public bool? ControlStepTargetMet { get; init; }

    /// <summary>
    /// Humanoid body: 99th-percentile CPU time of the control step on the loop thread (its wall time less the time it was
    /// preempted, e.g. by the twins and plant sharing the cores); null for idle or where the thread CPU clock is missing.
    /// </summary>
    [JsonPropertyName("control_step_cpu_p99_us")] public double? ControlStepCpuP99Us { get; init; }

    /// <summary>Humanoid body: median CPU time of the control step; null for idle.</summary>
    [JsonPropertyName("control_step_cpu_p50_us")] public double? ControlStepCpuP50Us { get; init; }

    /// <summary>Humanoid body: median bus I/O per cycle (every bus's Read plus every bus's Write, waits for replies included).</summary>
    [JsonPropertyName("bus_io_p50_us")] public double? BusIoP50Us { get; init; }

    /// <summary>Humanoid body: 99th-percentile bus I/O per cycle.</summary>
    [JsonPropertyName("bus_io_p99_us")] public double? BusIoP99Us { get; init; }

    /// <summary>Humanoid body: worst bus I/O per cycle.</summary>
    [JsonPropertyName("bus_io_max_us")] public double? BusIoMaxUs { get; init; }

    /// <summary>Humanoid body: 99th-percentile of the cycle's Read phase (every bus).</summary>
    [JsonPropertyName("bus_read_p99_us")] public double? BusReadP99Us { get; init; }

    /// <summary>Humanoid body: 99th-percentile of the cycle's Write phase (every bus).</summary>
    [JsonPropertyName("bus_write_p99_us")] public double? BusWriteP99Us { get; init; }

    /// <summary>Humanoid body: faults the buses counted during the measured cycles (timeouts, bad frames, lost devices; target 0).</summary>
    [JsonPropertyName("bus_faults")] public long? BusFaults { get; init; }

    /// <summary>Humanoid body: plant steps during the measured cycles (the physics ran beside the loop; 0 on real hardware).</summary>
    [JsonPropertyName("plant_steps")] public long? PlantSteps { get; init; }

    /// <summary>Humanoid body: the robot configuration its buses were built from.</summary>
    [JsonPropertyName("robot_config")] public string? RobotConfig { get; init; }

    /// <summary>cyclictest's median latency.</summary>
    [JsonPropertyName("cyclictest_p50_us")] public double? CyclictestP50Us { get; init; }

    /// <summary>cyclictest's 99th-percentile latency.</summary>
    [JsonPropertyName("cyclictest_p99_us")] public double? CyclictestP99Us { get; init; }

    /// <summary>cyclictest's 99.9th-percentile latency.</summary>
    [JsonPropertyName("cyclictest_p999_us")] public double? CyclictestP999Us { get; init; }

    /// <summary>cyclictest's worst latency.</summary>
    [JsonPropertyName("cyclictest_max_us")] public double? CyclictestMaxUs { get; init; }

    /// <summary>The cyclictest command that was run.</summary>
    [JsonPropertyName("cyclictest_command")] public string? CyclictestCommand { get; init; }

    /// <summary>Our p99 / cyclictest's p99 (target: at most 1.25).</summary>
    [JsonPropertyName("lateness_vs_cyclictest")] public double? LatenessVsCyclictest { get; init; }

    /// <summary>Real-time settings asked for on our loop thread and whether each was granted.</summary>
    [JsonPropertyName("realtime")] public required List<string> Realtime { get; init; }

    /// <summary>The machine and runtime.</summary>
    [JsonPropertyName("environment")] public required BenchEnvironment Environment { get; init; }

    /// <summary>Anything that limits how far the figures can be trusted.</summary>
    [JsonPropertyName("notes")] public required List<string> Notes { get; init; }
}
