using System.CommandLine;
using Controller.Runtime.Configuration;

namespace Controller.Cli.Bench.Suite;

/// <summary>
/// <c>robotctl bench all --robot &lt;robot.yaml&gt;</c>: every suite against one robot, one JSON report (the CI
/// artefact and the next run's baseline), one Markdown report with plots beside it, and an exit code that fails CI
/// on a regression beyond the threshold, an allocation, or a suite that could not run.
/// </summary>
public static class BenchAllCommand
{
    /// <summary>Exit code for a bad invocation, a configuration that does not load, or an unreadable baseline.</summary>
    public const int UsageExitCode = 2;

    /// <summary>Builds the <c>all</c> subcommand.</summary>
    public static Command Create()
    {
        var robot = new Option<FileInfo>("--robot") { Description = "The robot's configuration, e.g. hardware/sim-arm6/robot.yaml.", Required = true };
        var seconds = new Option<double>("--seconds") { Description = "Measuring seconds per suite (set-up comes on top).", DefaultValueFactory = _ => 10 };
        seconds.Validators.Add(r =>
        {
            double v = r.GetValueOrDefault<double>();
            if (!(v > 0 && v <= 3600)) r.AddError($"--seconds must be greater than 0 and at most 3600; it is {v}.");
        });
        var json = new Option<FileInfo?>("--json") { Description = "Write the report as JSON (schema robotctl.bench.all v1) to this file." };
        var md = new Option<FileInfo?>("--md") { Description = "Write the Markdown report to this file, and the latency plots (PNG) beside it." };
        var baseline = new Option<FileInfo?>("--baseline") { Description = "A previous run's JSON to compare with by ratios." };
        var maxRegression = new Option<double>("--max-regression") { Description = "Allowed ratio in the worse direction before a gated figure fails (1.2: 20 %).", DefaultValueFactory = _ => BaselineComparison.DefaultMaxRegression };
        maxRegression.Validators.Add(r =>
        {
            double v = r.GetValueOrDefault<double>();
            if (!(v > 1 && v <= 1000)) r.AddError($"--max-regression must be greater than 1 and at most 1000; it is {v}.");
        });
        var suites = new Option<string[]>("--suites") { Description = "Run only these suites (comma-separated; 'bus' selects every bus.*).", AllowMultipleArgumentsPerToken = true };
        var task = new Option<string?>("--task") { Description = "Instruction for the end-to-end run (default: the configuration's brain.task)." };
        var command = new Command("all", "Every suite (pipeline, loop + cyclictest, each bus, brain, end to end) against one robot: JSON + Markdown + plots, gated against a baseline.")
        {
            robot, seconds, json, md, baseline, maxRegression, suites, task,
        };
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            var file = parse.GetValue(robot)!;
            RobotConfig config;
            BenchAllReport? before = null;
            IReadOnlyList<IBenchSuite> selected;
            try
            {
                config = RobotConfigLoader.Load(file.FullName);
                if (parse.GetValue(baseline) is { } b) before = BenchAllReport.Parse(File.ReadAllText(b.FullName), b.FullName);
                var names = (parse.GetValue(suites) ?? []).SelectMany(s => s.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
                selected = BenchSuiteCatalog.Select(BenchSuiteCatalog.All(config), names);
            }
            catch (Exception e) when (e is ConfigException or IOException or InvalidDataException or ArgumentException or UnauthorizedAccessException)
            {
                error.WriteLine($"robotctl bench all: {e.Message}");
                return UsageExitCode;
            }

            using var cancel = new CancellationTokenSource();
            var context = new BenchSuiteContext(config, parse.GetValue(seconds), output, parse.GetValue(task));
            var report = BenchAllRunner.Run(config, file.ToString(), selected, context, cancel.Token);
            double threshold = parse.GetValue(maxRegression);
            var rows = BaselineComparison.Compare(report, before, threshold);
            var gate = GateOutcome.From(report, rows);
            if (parse.GetValue(json) is { } jsonFile)
            {
                jsonFile.Directory?.Create();
                File.WriteAllText(jsonFile.FullName, report.ToJson());
                output.WriteLine($"report written to {jsonFile.FullName}");
            }
            if (parse.GetValue(md) is { } mdFile)
            {
                mdFile.Directory?.Create();
                IReadOnlyList<(string Suite, string FileName)> plots = [];
                try
                {
                    plots = LatencyPlots.Write(report, mdFile.FullName);
                }
                catch (Exception e) when (e is DllNotFoundException or TypeInitializationException or IOException or UnauthorizedAccessException)
                {
                    // A missing native drawing library must not cost the report itself.
                    error.WriteLine($"robotctl bench all: plots not drawn: {e.Message}");
                }
                File.WriteAllText(mdFile.FullName, MarkdownReport.Render(report, before, rows, gate, threshold, plots));
                output.WriteLine($"Markdown written to {mdFile.FullName} ({plots.Count} plot(s) beside it)");
            }
            foreach (var row in rows.Where(r => r.Fails))
                error.WriteLine($"robotctl bench all: {row.Suite}/{row.Figure.Name} = {MarkdownReport.Number(row.Figure.Value)} {row.Figure.Unit}: " +
                                (row.Verdict == FigureVerdict.NotZero ? "must be exactly 0" : $"{MarkdownReport.RatioText(row.Ratio)}× the baseline {MarkdownReport.Number(row.Baseline)}, beyond {threshold}×"));
            foreach (var failed in report.Suites.Where(s => s.Status == SuiteStatus.Failed))
                error.WriteLine($"robotctl bench all: suite {failed.Name} failed: {string.Join("; ", failed.Notes)}");
            output.WriteLine($"gate: {(gate.Passed ? "PASS" : "FAIL")} ({gate.Summary})");
            return gate.ExitCode;
        });
        return command;
    }
}
