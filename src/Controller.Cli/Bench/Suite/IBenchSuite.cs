namespace Controller.Cli.Bench.Suite;

/// <summary>
/// One family of measurements that <c>robotctl bench all</c> runs and reports. To plug a new one in, implement
/// this (return figures; do not write files), and add one line to <see cref="BenchSuiteCatalog.All"/>; the JSON
/// report, the Markdown table, the baseline gate and the plots then cover it with no further code.
/// </summary>
public interface IBenchSuite
{
    /// <summary>Stable snake_case name (the report key a baseline is matched on), e.g. <c>pipeline</c>, <c>bus.arm</c>.</summary>
    string Name { get; }

    /// <summary>
    /// Measures for about <see cref="BenchSuiteContext.Seconds"/> and returns the figures. Returns
    /// <see cref="BenchSuiteResult.Skip"/> when the suite does not apply to this robot or machine; may throw on a
    /// device that cannot be brought up (the runner records the suite as failed and goes on). Should return early,
    /// with what it has, when <paramref name="cancellation"/> fires.
    /// </summary>
    BenchSuiteResult Run(BenchSuiteContext context, CancellationToken cancellation);
}
