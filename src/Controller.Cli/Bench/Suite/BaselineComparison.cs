namespace Controller.Cli.Bench.Suite;

/// <summary>
/// Compares a run with a baseline by ratios (value / baseline), figure by figure, direction-aware: a lower-is-better
/// figure regresses when the ratio exceeds the threshold, a higher-is-better one when it falls below 1 / threshold.
/// Must-be-zero figures (allocations) fail whenever they are not exactly 0, with or without a baseline and whatever
/// the threshold. Figures are matched by suite name and figure name.
/// </summary>
public static class BaselineComparison
{
    /// <summary>The default <c>--max-regression</c>: 20 % worse fails.</summary>
    public const double DefaultMaxRegression = 1.2;

    /// <summary>Every figure of <paramref name="current"/> with its baseline value, ratio and verdict.</summary>
    /// <param name="current">This run.</param>
    /// <param name="baseline">The run to compare with, or null (then only must-be-zero figures can fail).</param>
    /// <param name="maxRegression">Allowed ratio in the worse direction (&gt; 1; 1.2 allows 20 %).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxRegression"/> is not greater than 1.</exception>
    public static IReadOnlyList<FigureComparison> Compare(BenchAllReport current, BenchAllReport? baseline, double maxRegression = DefaultMaxRegression)
    {
        if (!(maxRegression > 1) || double.IsInfinity(maxRegression))
            throw new ArgumentOutOfRangeException(nameof(maxRegression), maxRegression, "the regression threshold must be a finite ratio greater than 1 (1.2 allows 20 %)");
        var rows = new List<FigureComparison>();
        foreach (var suite in current.Suites)
        {
            foreach (var figure in suite.Figures)
            {
                double? before = baseline?.Find(suite.Name, figure.Name)?.Value;
                rows.Add(Judge(suite.Name, figure, before, maxRegression));
            }
        }
        return rows;
    }

    /// <summary>The verdict on one figure against one baseline value.</summary>
    public static FigureComparison Judge(string suite, BenchFigure figure, double? baseline, double maxRegression)
    {
        double? value = figure.Value;
        if (figure.MustBeZero && value is { } v && v != 0)
            return new FigureComparison(suite, figure, baseline, Ratio(value, baseline), FigureVerdict.NotZero);
        if (value is null)
            return new FigureComparison(suite, figure, baseline, null, baseline is null ? FigureVerdict.New : FigureVerdict.Missing);
        if (baseline is null)
            return new FigureComparison(suite, figure, null, null, FigureVerdict.New);

        double? ratio = Ratio(value, baseline);
        // How much worse, as one number in either direction: value / baseline, or baseline / value when higher is better.
        double worse = figure.Direction == FigureDirection.LowerIsBetter ? ratio!.Value : Ratio(baseline, value)!.Value;
        FigureVerdict verdict = worse > maxRegression ? (figure.Gated ? FigureVerdict.Regressed : FigureVerdict.Worse)
            : worse < 1 / maxRegression ? FigureVerdict.Improved
            : FigureVerdict.Ok;
        return new FigureComparison(suite, figure, baseline, ratio, verdict);
    }

    /// <summary>value / baseline: 1 when both are 0, +∞ when only the baseline is 0, null without both.</summary>
    public static double? Ratio(double? value, double? baseline)
    {
        if (value is not { } v || baseline is not { } b) return null;
        if (b == 0) return v == 0 ? 1 : double.PositiveInfinity;
        return v / b;
    }
}
