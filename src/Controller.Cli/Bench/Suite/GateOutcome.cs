namespace Controller.Cli.Bench.Suite;

/// <summary>The overall verdict of a run and the exit code it maps to.</summary>
/// <param name="Regressions">Gated figures worse than their baseline beyond the threshold.</param>
/// <param name="NonZeroAllocations">Must-be-zero figures that were not zero.</param>
/// <param name="FailedSuites">Suites that threw or could not bring their device up.</param>
public sealed record GateOutcome(int Regressions, int NonZeroAllocations, int FailedSuites)
{
    /// <summary>Exit code: every gate held.</summary>
    public const int PassExitCode = 0;

    /// <summary>Exit code: a gated figure regressed or a must-be-zero figure was not zero.</summary>
    public const int RegressionExitCode = 1;

    /// <summary>Exit code: a suite failed to run (and nothing regressed).</summary>
    public const int SuiteFailedExitCode = 3;

    /// <summary>True when nothing regressed, every must-be-zero figure was zero, and no suite failed.</summary>
    public bool Passed => Regressions == 0 && NonZeroAllocations == 0 && FailedSuites == 0;

    /// <summary><see cref="PassExitCode"/>, <see cref="RegressionExitCode"/> or <see cref="SuiteFailedExitCode"/>.</summary>
    public int ExitCode => Regressions + NonZeroAllocations > 0 ? RegressionExitCode : FailedSuites > 0 ? SuiteFailedExitCode : PassExitCode;

    /// <summary>One line: what failed, or that nothing did.</summary>
    public string Summary => $"{Regressions} regression(s), {NonZeroAllocations} non-zero allocation figure(s), {FailedSuites} failed suite(s)";

    /// <summary>The verdict of <paramref name="rows"/> and <paramref name="report"/>'s suites.</summary>
    public static GateOutcome From(BenchAllReport report, IReadOnlyList<FigureComparison> rows) => new(
        rows.Count(r => r.Verdict == FigureVerdict.Regressed),
        rows.Count(r => r.Verdict == FigureVerdict.NotZero),
        report.Suites.Count(s => s.Status == SuiteStatus.Failed));
}
