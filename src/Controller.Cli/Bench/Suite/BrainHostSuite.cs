namespace Controller.Cli.Bench.Suite;

/// <summary>
/// <c>brain.host</c>: <c>bench brain</c> as figures: <c>ModelHost.Run</c> against a bare <c>InferenceSession.Run</c> on
/// the demo policy, managed bytes per hosted inference, planner and policy rates flat out, and the 1 kHz loop's p99
/// lateness without the brain, with it in the same process and with it in its own process (<c>robotctl brain serve
/// --flat-out</c> on the configuration's brain). Needs the demo models (<c>demo-policy.yaml</c> and
/// <c>demo-planner.yaml</c>) in the folder of the configuration's <c>brain.policy</c>; skipped otherwise.
/// </summary>
public sealed class BrainHostSuite : IBenchSuite
{
    /// <inheritdoc/>
    public string Name => "brain.host";

    /// <inheritdoc/>
    public BenchSuiteResult Run(BenchSuiteContext context, CancellationToken cancellation)
    {
        if (context.Robot.Brain?.Policy is not { } policy)
            return BenchSuiteResult.Skip(Name, "the configuration names no brain.policy (bench brain measures the demo models beside it)");
        string folder = Path.GetDirectoryName(context.Robot.Resolve(policy))!;
        if (!File.Exists(Path.Combine(folder, "demo-policy.yaml")) || !File.Exists(Path.Combine(folder, "demo-planner.yaml")))
            return BenchSuiteResult.Skip(Name, $"no demo-policy.yaml and demo-planner.yaml in {folder} (robotctl model generate-demo writes them)");

        var r = BrainBenchmark.Run(context.Seconds, folder, context.Log, context.Robot.File);
        return new BenchSuiteResult
        {
            Name = Name,
            Target = $"demo policy and planner in {folder}",
            Figures =
            [
                BenchFigure.Latency("overhead_vs_bare", r.OverheadVsBare, unit: "ratio"),
                BenchFigure.Latency("host_inference_p50_us", r.HostInferenceUs),
                BenchFigure.Latency("bare_inference_p50_us", r.BareInferenceUs, gated: false),
                BenchFigure.Allocation("allocated_bytes_per_inference", r.AllocatedBytesPerInference),
                BenchFigure.Higher("planner_hz", r.PlannerHz, "Hz", gated: false),
                BenchFigure.Higher("policy_hz", r.PolicyHz, "Hz", gated: false),
                BenchFigure.Latency("loop_p99_with_brain_us", r.LoopP99WithBrainUs, gated: false),
                BenchFigure.Latency("loop_p99_ratio", double.IsFinite(r.LoopP99Ratio) ? r.LoopP99Ratio : null, unit: "ratio"),
                BenchFigure.Count("loop_overruns_with_brain", r.LoopOverrunsWithBrain),
                BenchFigure.Latency("loop_p99_with_brain_out_of_process_us", r.LoopP99WithBrainOutOfProcessUs, gated: false),
                BenchFigure.Latency("loop_p99_ratio_out_of_process", r.LoopP99RatioOutOfProcess is { } ratio && double.IsFinite(ratio) ? ratio : null, unit: "ratio"),
            ],
            Notes =
            [
                $"loop p99 without the brain {r.LoopP99WithoutBrainUs:F1} µs, {r.LoopOverrunsWithoutBrain} overruns; realtime: {string.Join("; ", r.Realtime)}",
                r.OutOfProcessNote is { } note ? $"out of process not measured: {note}" : $"out of process: {r.LoopOverrunsWithBrainOutOfProcess} overruns, planner {r.PlannerHzOutOfProcess:F1} Hz, policy {r.PolicyHzOutOfProcess:F1} Hz",
            ],
        };
    }
}
