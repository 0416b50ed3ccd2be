using System.Diagnostics;
using Controller.Runtime.Configuration;

namespace Controller.Cli.Bench.Suite;

/// <summary>Runs suites one after the other (never two at once: they would measure each other) and assembles the report.</summary>
public static class BenchAllRunner
{
    /// <summary>Runs <paramref name="suites"/> against <paramref name="robot"/>; a suite that throws is recorded as failed and the rest still run.</summary>
    public static BenchAllReport Run(RobotConfig robot, string robotPath, IReadOnlyList<IBenchSuite> suites, BenchSuiteContext context, CancellationToken cancellation)
    {
        var started = DateTime.UtcNow;
        context.Log.WriteLine($"bench all: {robot.Name}, {suites.Count} suite(s), {context.Seconds} s each: {string.Join(", ", suites.Select(s => s.Name))}");
        var environment = EnvironmentFingerprint.Capture(robot.File, robot.Loop.Priority, robot.Loop.Cpu);
        var results = new List<BenchSuiteResult>();
        foreach (var suite in suites)
        {
            if (cancellation.IsCancellationRequested)
            {
                results.Add(BenchSuiteResult.Skip(suite.Name, "cancelled before it started"));
                continue;
            }
            context.Log.WriteLine($"--- {suite.Name}");
            var clock = Stopwatch.StartNew();
            BenchSuiteResult result;
            try
            {
                result = suite.Run(context, cancellation);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // One broken device must not hide the figures of the others; the gate still fails the run.
                result = new BenchSuiteResult { Name = suite.Name, Status = SuiteStatus.Failed, Notes = [$"{e.GetType().Name}: {e.Message}"] };
            }
            result = result with { Name = suite.Name, DurationSeconds = clock.Elapsed.TotalSeconds };
            context.Log.WriteLine($"    {result.Status.ToString().ToLowerInvariant()} in {result.DurationSeconds:0.0} s: " +
                                  string.Join(", ", result.Figures.Select(f => $"{f.Name} {MarkdownReport.Number(f.Value)} {f.Unit}")) +
                                  (result.Status == SuiteStatus.Ok ? "" : " " + string.Join("; ", result.Notes)));
            results.Add(result);
        }
        return new BenchAllReport
        {
            StartedUtc = started,
            Seconds = context.Seconds,
            Robot = robot.Name,
            RobotConfig = robotPath,
            Environment = environment,
            Suites = results,
        };
    }
}
