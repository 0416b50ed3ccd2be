using System.Diagnostics;
using Controller.Brain.Hosting;
using Controller.Brain.Manifests;

namespace Controller.Cli.Bench.Suite;

/// <summary>
/// <c>brain</c>: the robot's models (<c>brain.policy</c>, then <c>brain.planner</c>) in a <see cref="ModelHost"/>
/// with the runtime's session options (one intra-op thread, no spinning), run back to back on fixed inputs: latency
/// per inference and managed bytes allocated per inference (gated at zero: the host binds its tensors once).
/// </summary>
public sealed class BrainSuite : IBenchSuite
{
    private const int MaxSamples = 1_000_000;
    private const int WarmUpRuns = 20;

    /// <inheritdoc/>
    public string Name => "brain";

    /// <inheritdoc/>
    public BenchSuiteResult Run(BenchSuiteContext context, CancellationToken cancellation)
    {
        var models = new List<(string Role, string Manifest)>();
        if (context.Robot.Brain?.Policy is { } policy) models.Add(("policy", context.Robot.Resolve(policy)));
        if (context.Robot.Brain?.Planner is { } planner) models.Add(("planner", context.Robot.Resolve(planner)));
        if (models.Count == 0) return BenchSuiteResult.Skip(Name, "the configuration names no brain models (brain.policy / brain.planner)");

        var figures = new List<BenchFigure>();
        var notes = new List<string> { $"ONNX Runtime providers: {string.Join(", ", ModelHost.AvailableProviders())}; CPU provider, 1 intra-op thread" };
        foreach (var (role, manifestPath) in models)
        {
            var manifest = ManifestParser.Load(manifestPath);
            using var host = ModelHost.Create(manifest, new HostOptions());
            FillInputs(host);
            var (samples, failures) = Measure(host, context.Seconds / models.Count, cancellation);
            double allocated = SteadyStateAllocation.PerCall(() => host.Run(), blocks: 5, callsPerBlock: 200);
            var points = SampleDistribution.Of(samples, 1000);
            figures.Add(BenchFigure.Latency($"{role}_p50_us", SampleDistribution.At(points, 50)));
            figures.Add(BenchFigure.Latency($"{role}_p99_us", SampleDistribution.At(points, 99), percentiles: points));
            figures.Add(BenchFigure.Allocation($"{role}_allocated_bytes_per_inference", allocated));
            figures.Add(BenchFigure.Count($"{role}_failed_runs", failures, gated: true));
            notes.Add($"{role}: {Path.GetFileName(manifest.ModelPath)}, {samples.Count} inferences");
        }
        return new BenchSuiteResult { Name = Name, Target = string.Join(", ", models.Select(m => Path.GetFileName(m.Manifest))), Figures = figures, Notes = notes };
    }

    /// <summary>Mid-range inputs: the figure is the model's cost, which does not depend on the values for these graphs.</summary>
    private static void FillInputs(ModelHost host)
    {
        foreach (var tensor in host.Inputs.Values)
        {
            tensor.Floats.Fill(0.1f);
            tensor.Int64s.Fill(1);
            tensor.Bytes.Fill(128);
        }
    }

    private static (LatencySamples Samples, long Failures) Measure(ModelHost host, double seconds, CancellationToken cancellation)
    {
        for (int i = 0; i < WarmUpRuns; i++) host.Run();
        var samples = new LatencySamples(MaxSamples);
        long failures = 0;
        long end = Stopwatch.GetTimestamp() + (long)(seconds * Stopwatch.Frequency);
        while (!samples.IsFull && !cancellation.IsCancellationRequested)
        {
            long start = Stopwatch.GetTimestamp();
            if (host.Run() != InferenceStatus.Ok) failures++;
            long stop = Stopwatch.GetTimestamp();
            samples.Add((stop - start) * 1_000_000_000 / Stopwatch.Frequency);
            if (stop >= end) break;
        }
        return (samples, failures);
    }
}
