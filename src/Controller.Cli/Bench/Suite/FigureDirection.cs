using System.Text.Json.Serialization;

namespace Controller.Cli.Bench.Suite;

/// <summary>Which way a figure gets better: decides whether a ratio above or below 1 is a regression.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<FigureDirection>))]
public enum FigureDirection
{
    /// <summary>Latencies, allocations, overruns: a bigger value is worse.</summary>
    [JsonStringEnumMemberName("lower_is_better")] LowerIsBetter,

    /// <summary>Throughputs, success rates: a smaller value is worse.</summary>
    [JsonStringEnumMemberName("higher_is_better")] HigherIsBetter,
}
