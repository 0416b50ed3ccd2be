using System.Globalization;
using System.Text;

namespace Controller.Cli.Bench.Suite;

/// <summary>
/// The human side of a <c>bench all</c> run: the verdict first, then the environment (and where it differs from the
/// baseline's), then per suite a table of figure, value, baseline, ratio and verdict, its notes and its plot.
/// </summary>
public static class MarkdownReport
{
    /// <summary>Renders the report.</summary>
    /// <param name="report">This run.</param>
    /// <param name="baseline">The baseline, or null.</param>
    /// <param name="rows">The comparison of every figure (<see cref="BaselineComparison.Compare"/>).</param>
    /// <param name="gate">The overall verdict.</param>
    /// <param name="maxRegression">The threshold used.</param>
    /// <param name="plots">Plot files per suite, relative to the Markdown file.</param>
    public static string Render(BenchAllReport report, BenchAllReport? baseline, IReadOnlyList<FigureComparison> rows, GateOutcome gate,
        double maxRegression, IReadOnlyList<(string Suite, string FileName)> plots)
    {
        var md = new StringBuilder();
        md.AppendLine(Inv($"# bench all: {report.Robot} ({report.StartedUtc:yyyy-MM-dd HH:mm} UTC)"));
        md.AppendLine();
        md.AppendLine(Inv($"**Gate: {(gate.Passed ? "PASS" : "FAIL")}**: {gate.Summary}. Threshold {maxRegression:0.###}× in the worse direction; allocations must be exactly 0 B/op. ") +
                      (baseline is null ? "No baseline: only allocations and failed suites are gated." : Inv($"Baseline from {baseline.StartedUtc:yyyy-MM-dd HH:mm} UTC.")));
        md.AppendLine();
        md.AppendLine(Inv($"Config `{report.RobotConfig}`, {report.Seconds:0.###} s per suite, schema `{report.Schema}` v{report.SchemaVersion}."));
        md.AppendLine();
        AppendEnvironment(md, report.Environment, baseline?.Environment);
        foreach (var suite in report.Suites)
        {
            md.AppendLine(Inv($"## {suite.Name}: {suite.Status.ToString().ToLowerInvariant()} ({suite.DurationSeconds:0.0} s)"));
            md.AppendLine();
            if (suite.Target is { } target) md.AppendLine($"Target: {target}.").AppendLine();
            var suiteRows = rows.Where(r => r.Suite == suite.Name).ToList();
            if (suiteRows.Count > 0)
            {
                md.AppendLine("| Figure | Value | Unit | Baseline | Ratio | Better | Gated | Verdict |");
                md.AppendLine("|---|---:|---|---:|---:|---|---|---|");
                foreach (var row in suiteRows)
                {
                    var f = row.Figure;
                    string gated = f.MustBeZero ? "= 0" : f.Gated ? "yes" : "no";
                    string better = f.Direction == FigureDirection.LowerIsBetter ? "lower" : "higher";
                    string verdict = row.Fails ? $"**{Verdict(row.Verdict)}**" : Verdict(row.Verdict);
                    md.AppendLine($"| {f.Name} | {Number(f.Value)} | {f.Unit} | {Number(row.Baseline)} | {RatioText(row.Ratio)} | {better} | {gated} | {verdict} |");
                }
                md.AppendLine();
            }
            foreach (var note in suite.Notes) md.AppendLine($"- {note}");
            if (suite.Notes.Count > 0) md.AppendLine();
            foreach (var plot in plots.Where(p => p.Suite == suite.Name)) md.AppendLine($"![{suite.Name} latency distribution]({plot.FileName})").AppendLine();
        }
        md.AppendLine("Ratio = value / baseline. A lower-is-better figure regresses when the ratio exceeds the threshold; a higher-is-better one when it falls below 1 / threshold. Plots: value against percentile on a nines axis (p90, p99, p99.9 equally spaced), the last point the maximum.");
        return md.ToString();
    }

    private static void AppendEnvironment(StringBuilder md, EnvironmentFingerprint env, EnvironmentFingerprint? baseline)
    {
        md.AppendLine("## Environment");
        md.AppendLine();
        md.AppendLine(baseline is null ? "| Field | This run |" : "| Field | This run | Baseline |");
        md.AppendLine(baseline is null ? "|---|---|" : "|---|---|---|");
        var before = baseline?.Comparable().ToDictionary(c => c.Name, c => c.Value);
        foreach (var (name, value) in env.Comparable())
        {
            if (before is null)
            {
                md.AppendLine($"| {name} | {Cell(value)} |");
                continue;
            }
            string old = before.GetValueOrDefault(name) ?? "";
            string mark = old == (value ?? "") ? "" : " **(differs)**";
            md.AppendLine($"| {name} | {Cell(value)}{mark} | {Cell(old)} |");
        }
        md.AppendLine();
    }

    private static string Verdict(FigureVerdict verdict) => verdict switch
    {
        FigureVerdict.NotZero => "not zero",
        FigureVerdict.New => "no baseline",
        _ => verdict.ToString().ToLowerInvariant(),
    };

    private static string Cell(string? text) => string.IsNullOrEmpty(text) ? "—" : text.Replace("|", "\\|", StringComparison.Ordinal);

    /// <summary>A figure's value as the table shows it: up to 4 significant decimals, "—" when absent.</summary>
    public static string Number(double? value) => value switch
    {
        null => "—",
        { } v when Math.Abs(v) >= 1000 => v.ToString("#,0", CultureInfo.InvariantCulture),
        { } v => v.ToString("0.###", CultureInfo.InvariantCulture),
    };

    /// <summary>A ratio as the table shows it: two decimals, "∞" for a zero baseline, "—" when absent.</summary>
    public static string RatioText(double? ratio) => ratio switch
    {
        null => "—",
        double.PositiveInfinity => "∞",
        { } r => r.ToString("0.00", CultureInfo.InvariantCulture),
    };

    private static string Inv(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
