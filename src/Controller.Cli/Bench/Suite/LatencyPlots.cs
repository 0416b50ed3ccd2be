using System.Globalization;

namespace Controller.Cli.Bench.Suite;

/// <summary>
/// One PNG per suite with every figure that carries a distribution: value against percentile on a "nines" axis
/// (90, 99, 99.9, ... equally spaced, then the maximum), so the tail that matters for a real-time loop is as wide as the body.
/// </summary>
public static class LatencyPlots
{
    /// <summary>Writes <c>&lt;stem&gt;-&lt;suite&gt;.png</c> beside <paramref name="markdownPath"/> for each suite with distributions; returns the files' names.</summary>
    public static IReadOnlyList<(string Suite, string FileName)> Write(BenchAllReport report, string markdownPath)
    {
        string directory = Path.GetDirectoryName(Path.GetFullPath(markdownPath))!;
        string stem = Path.GetFileNameWithoutExtension(markdownPath);
        var written = new List<(string, string)>();
        foreach (var suite in report.Suites)
        {
            var curves = suite.Figures.Where(f => f.Percentiles is { Count: > 0 }).ToList();
            if (curves.Count == 0) continue;
            string fileName = $"{stem}-{suite.Name.Replace('.', '-')}.png";
            Plot(suite.Name, curves, Path.Combine(directory, fileName));
            written.Add((suite.Name, fileName));
        }
        return written;
    }

    /// <summary>Position on the "nines" axis, log10(100 / (100 − p)): p90 at 1, p99 at 2, p99.9 at 3 (p50 at 0.3); NaN for the maximum (100).</summary>
    public static double NinesOf(double percentile) => percentile >= 100 ? double.NaN : Math.Log10(100 / (100 - percentile));

    /// <summary>Smallest value drawn (values are plotted on a log scale, where 0 has no place).</summary>
    private const double MinPlotted = 1e-3;

    private static void Plot(string suite, List<BenchFigure> curves, string path)
    {
        var plot = new ScottPlot.Plot();
        double lastX = 0;
        foreach (var figure in curves)
        {
            var points = figure.Percentiles!.OrderBy(p => p.Percentile).ToList();
            var finite = points.Where(p => p.Percentile < 100).ToList();
            double maxX = finite.Count == 0 ? 0 : NinesOf(finite[^1].Percentile) + 1;
            lastX = Math.Max(lastX, maxX);
            double[] xs = points.Select(p => p.Percentile >= 100 ? maxX : NinesOf(p.Percentile)).ToArray();
            double[] ys = points.Select(p => Math.Log10(Math.Max(p.Value, MinPlotted))).ToArray();
            var line = plot.Add.Scatter(xs, ys);
            line.LegendText = System.Text.RegularExpressions.Regex.Replace(figure.Name, "_p99(?=_|$)", ""); // the curve, not its p99
        }
        var ticks = new List<(double, string)>();
        foreach (double p in new[] { 50, 90, 99, 99.9, 99.99, 99.999 })
        {
            double x = NinesOf(p);
            if (x <= lastX - 1 + 1e-9) ticks.Add((x, p.ToString(CultureInfo.InvariantCulture)));
        }
        ticks.Add((lastX, "max"));
        plot.Axes.Bottom.SetTicks(ticks.Select(t => t.Item1).ToArray(), ticks.Select(t => t.Item2).ToArray());
        // Log scale on the value axis: a tail 100× the median must not flatten the body into the x axis.
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic
        {
            MinorTickGenerator = new ScottPlot.TickGenerators.LogMinorTickGenerator(),
            IntegerTicksOnly = true,
            LabelFormatter = y => Math.Pow(10, y).ToString("#,0.###", CultureInfo.InvariantCulture),
        };
        plot.Title($"bench all: {suite}");
        plot.XLabel("percentile");
        plot.YLabel(string.Join(", ", curves.Select(c => c.Unit).Distinct()) + " (log scale)");
        plot.ShowLegend();
        plot.SavePng(path, 800, 500);
    }
}
