using System.Text.Json.Serialization;

namespace Controller.Cli.Bench.Suite;

/// <summary>
/// One measured number of a suite, with what it takes to compare it with a baseline: its unit, which way is
/// better, whether a regression fails the run (<see cref="Gated"/>) and whether it must be exactly zero
/// (<see cref="MustBeZero"/>, allocations: judged without a baseline and regardless of the threshold).
/// </summary>
public sealed record BenchFigure
{
    /// <summary>Name within its suite, snake_case with the unit last (<c>cycle_p99_us</c>); the key a baseline is matched on.</summary>
    [JsonPropertyName("name")] public required string Name { get; init; }

    /// <summary>The value, or null when it could not be measured (the suite's notes say why).</summary>
    [JsonPropertyName("value")] public double? Value { get; init; }

    /// <summary>Unit of <see cref="Value"/> and of the percentiles: <c>us</c>, <c>ns</c>, <c>B/op</c>, <c>msg/s</c>, <c>count</c>, <c>ratio</c>, <c>bool</c>.</summary>
    [JsonPropertyName("unit")] public required string Unit { get; init; }

    /// <summary>Which way is better.</summary>
    [JsonPropertyName("direction")] public FigureDirection Direction { get; init; } = FigureDirection.LowerIsBetter;

    /// <summary>Whether a regression beyond the threshold against the baseline makes the run fail.</summary>
    [JsonPropertyName("gated")] public bool Gated { get; init; }

    /// <summary>Whether any value but exactly 0 fails the run (allocations on a path promised not to allocate).</summary>
    [JsonPropertyName("must_be_zero")] public bool MustBeZero { get; init; }

    /// <summary>The distribution the value was taken from (for plots and reading the tail), ascending; null when there is none.</summary>
    [JsonPropertyName("percentiles")] public IReadOnlyList<PercentilePoint>? Percentiles { get; init; }

    /// <summary>A latency (lower is better), gated unless told otherwise.</summary>
    public static BenchFigure Latency(string name, double? value, string unit = "us", bool gated = true, IReadOnlyList<PercentilePoint>? percentiles = null) =>
        new() { Name = name, Value = value, Unit = unit, Gated = gated, Percentiles = percentiles };

    /// <summary>Managed bytes allocated per operation on a path that must not allocate: gated at exactly zero.</summary>
    public static BenchFigure Allocation(string name, double? bytesPerOperation) =>
        new() { Name = name, Value = bytesPerOperation, Unit = "B/op", Gated = true, MustBeZero = true };

    /// <summary>A count of bad events (overruns, faults): lower is better, reported but not gated by default.</summary>
    public static BenchFigure Count(string name, double? value, bool gated = false) =>
        new() { Name = name, Value = value, Unit = "count", Gated = gated };

    /// <summary>A rate or success figure (higher is better).</summary>
    public static BenchFigure Higher(string name, double? value, string unit, bool gated = true) =>
        new() { Name = name, Value = value, Unit = unit, Direction = FigureDirection.HigherIsBetter, Gated = gated };
}
