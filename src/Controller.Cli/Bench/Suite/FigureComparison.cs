namespace Controller.Cli.Bench.Suite;

/// <summary>One figure of this run beside its baseline.</summary>
/// <param name="Suite">Suite name.</param>
/// <param name="Figure">The figure of this run.</param>
/// <param name="Baseline">The baseline's value, or null when the baseline has none.</param>
/// <param name="Ratio">Value / baseline; null without both; +∞ when the baseline is 0 and the value is not.</param>
/// <param name="Verdict">What the gate made of it.</param>
public sealed record FigureComparison(string Suite, BenchFigure Figure, double? Baseline, double? Ratio, FigureVerdict Verdict)
{
    /// <summary>True when this figure fails the run.</summary>
    public bool Fails => Verdict is FigureVerdict.Regressed or FigureVerdict.NotZero;
}
