using System.Text.Json.Serialization;

namespace Controller.Cli.Bench.Suite;

/// <summary>One point of a latency distribution: the value below which <see cref="Percentile"/> % of the samples lie.</summary>
/// <param name="Percentile">0 to 100 (100 is the maximum).</param>
/// <param name="Value">The value at that percentile, in the figure's unit.</param>
public sealed record PercentilePoint(
    [property: JsonPropertyName("p")] double Percentile,
    [property: JsonPropertyName("value")] double Value);
