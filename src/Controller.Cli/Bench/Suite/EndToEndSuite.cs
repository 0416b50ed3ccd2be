using System.Diagnostics;
using Controller.Runtime;

namespace Controller.Cli.Bench.Suite;

/// <summary>
/// <c>end_to_end</c>: the whole robot as <c>robotctl run --no-ui</c> brings it up (<see cref="RobotRuntime"/>: for a
/// simulated robot the plant, scene and twins; the drivers; the loop on its real-time thread; the brain) for the
/// measuring time, then the controlled stop. Figures from the loop's own statistics: wake-up lateness, compute,
/// overruns; bus faults and whether the task succeeded (reported, not gated: a short run cannot finish a task).
/// </summary>
public sealed class EndToEndSuite : IBenchSuite
{
    private const long MinCycles = 200;
    private const double GraceSeconds = 10;

    /// <inheritdoc/>
    public string Name => "end_to_end";

    /// <inheritdoc/>
    public BenchSuiteResult Run(BenchSuiteContext context, CancellationToken cancellation)
    {
        var options = new RuntimeOptions { Task = context.Task, HoldBeforeDisable = TimeSpan.FromMilliseconds(100) };
        var runtime = RobotRuntime.Build(context.Robot, options);
        RuntimeStatus status;
        Controller.Cerebellum.Realtime.RealtimeSetupReport? realtime;
        int gcBefore = GC.CollectionCount(0);
        try
        {
            runtime.Start();
            var clock = Stopwatch.StartNew();
            status = runtime.Status();
            // The measuring time, but at least MinCycles published cycles (a loaded machine can start the loop late),
            // and never more than GraceSeconds beyond the time asked for.
            while (!cancellation.IsCancellationRequested && clock.Elapsed.TotalSeconds < context.Seconds + GraceSeconds
                   && (clock.Elapsed.TotalSeconds < context.Seconds || status.Cycles < MinCycles))
            {
                if (runtime.Brain is { } b && (b.Done || b.Failure is not null)) break;
                Thread.Sleep(20);
                status = runtime.Status();
            }
            realtime = runtime.RealtimeReport; // the stop forgets it once it has undone the memory lock
        }
        finally
        {
            runtime.Stop();
        }
        int collections = GC.CollectionCount(0) - gcBefore;
        var notes = new List<string>
        {
            $"{status.Cycles} cycles in {status.ElapsedSeconds:0.00} s ({status.RateHz:0} Hz of {context.Robot.Loop.RateHz} Hz); safety {status.Safety}; chunks received {status.ChunksReceived}",
            $"buses: {string.Join(", ", status.Buses.Select(b => $"{b.Name} {b.State} ({b.Faults} faults)"))}",
        };
        if (realtime is { } rt) notes.AddRange(rt.Items.Select(i => $"real-time: {i.Describe()}"));
        if (status.BrainFailure is { } failure) notes.Add($"brain task failed: {failure}");
        if (status.BrainSkill is { } skill) notes.Add($"brain: skill {skill} at the end; task {(status.TaskSucceeded ? "succeeded" : "not (yet) succeeded")}");

        var figures = new List<BenchFigure>
        {
            BenchFigure.Latency("lateness_p50_us", status.LatenessP50Us),
            BenchFigure.Latency("lateness_p99_us", status.LatenessP99Us,
                percentiles: [new(50, status.LatenessP50Us), new(99, status.LatenessP99Us), new(100, status.LatenessMaxUs)]),
            BenchFigure.Latency("lateness_max_us", status.LatenessMaxUs, gated: false),
            BenchFigure.Latency("compute_p99_us", status.ComputeP99Us),
            BenchFigure.Count("overruns", status.Overruns),
            BenchFigure.Count("bus_faults", status.Buses.Sum(b => b.Faults)),
            BenchFigure.Count("gc_count", collections),
        };
        if (runtime.Brain is not null) figures.Add(BenchFigure.Higher("task_succeeded", status.TaskSucceeded ? 1 : 0, "bool", gated: false));
        return new BenchSuiteResult
        {
            Name = Name,
            Target = $"{context.Robot.Name} ({(context.Robot.IsSimulated ? "simulated: plant, scene, twins" : "hardware")})",
            Figures = figures,
            Notes = notes,
        };
    }
}
