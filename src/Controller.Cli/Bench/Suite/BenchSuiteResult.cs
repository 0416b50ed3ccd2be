using System.Text.Json.Serialization;

namespace Controller.Cli.Bench.Suite;

/// <summary>What one suite measured.</summary>
public sealed record BenchSuiteResult
{
    /// <summary>The suite's name (<see cref="IBenchSuite.Name"/>); the key a baseline is matched on.</summary>
    [JsonPropertyName("name")] public required string Name { get; init; }

    /// <summary>Whether it ran, was skipped, or failed.</summary>
    [JsonPropertyName("status")] public SuiteStatus Status { get; init; } = SuiteStatus.Ok;

    /// <summary>Wall-clock seconds the suite took, set-up included.</summary>
    [JsonPropertyName("duration_s")] public double DurationSeconds { get; init; }

    /// <summary>What the suite ran against, in words (<c>twin on /dev/pts/3</c>, <c>/dev/ttyUSB0 at 4 Mbit/s</c>).</summary>
    [JsonPropertyName("target")] public string? Target { get; init; }

    /// <summary>The figures, in the suite's order.</summary>
    [JsonPropertyName("figures")] public IReadOnlyList<BenchFigure> Figures { get; init; } = [];

    /// <summary>Anything that limits how far the figures can be trusted, or why the suite was skipped or failed.</summary>
    [JsonPropertyName("notes")] public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>A skipped suite with its reason.</summary>
    public static BenchSuiteResult Skip(string name, string reason) => new() { Name = name, Status = SuiteStatus.Skipped, Notes = [reason] };
}
