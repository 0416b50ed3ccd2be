using System.Text.Json;
using System.Text.Json.Serialization;

namespace Controller.Cli.Bench.Suite;

/// <summary>
/// The JSON document <c>robotctl bench all --json</c> writes and <c>--baseline</c> reads. Versioned by
/// <see cref="SchemaVersion"/>; described by <c>bench-all.schema.json</c> beside this file and by the README's
/// "Report schema" section. A reader accepts documents of its own major version and ignores unknown fields.
/// </summary>
public sealed record BenchAllReport
{
    /// <summary>The version this code writes; bump it when a field changes meaning or is removed (adding one does not).</summary>
    public const int CurrentSchemaVersion = 1;

    /// <summary>Document kind, always <c>robotctl.bench.all</c>.</summary>
    [JsonPropertyName("schema")] public string Schema { get; init; } = "robotctl.bench.all";

    /// <summary>Version of the schema this document follows.</summary>
    [JsonPropertyName("schema_version")] public int SchemaVersion { get; init; } = CurrentSchemaVersion;

    /// <summary>When the run started (UTC).</summary>
    [JsonPropertyName("started_utc")] public DateTime StartedUtc { get; init; }

    /// <summary>Measuring seconds per suite that were asked for.</summary>
    [JsonPropertyName("seconds")] public double Seconds { get; init; }

    /// <summary>Robot name from the configuration.</summary>
    [JsonPropertyName("robot")] public required string Robot { get; init; }

    /// <summary>Path of the robot configuration, as given.</summary>
    [JsonPropertyName("robot_config")] public required string RobotConfig { get; init; }

    /// <summary>The machine, kernel, runtimes and configuration hash.</summary>
    [JsonPropertyName("environment")] public required EnvironmentFingerprint Environment { get; init; }

    /// <summary>Every suite that was run, in run order.</summary>
    [JsonPropertyName("suites")] public required IReadOnlyList<BenchSuiteResult> Suites { get; init; }

    private static readonly JsonSerializerOptions Options = new() { WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    /// <summary>The document as indented JSON.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, Options);

    /// <summary>Reads a document written by <see cref="ToJson"/>.</summary>
    /// <exception cref="InvalidDataException">Not JSON, not a <c>robotctl.bench.all</c> document, or another schema version; the message says which.</exception>
    public static BenchAllReport Parse(string json, string source)
    {
        BenchAllReport? report;
        try
        {
            report = JsonSerializer.Deserialize<BenchAllReport>(json, Options);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{source}: not a bench report: {e.Message}", e);
        }
        if (report is null || report.Schema != "robotctl.bench.all")
            throw new InvalidDataException($"{source}: not a robotctl.bench.all document (schema '{report?.Schema}').");
        if (report.SchemaVersion != CurrentSchemaVersion)
            throw new InvalidDataException($"{source}: schema_version {report.SchemaVersion}; this robotctl reads version {CurrentSchemaVersion}.");
        return report;
    }

    /// <summary>The figure <paramref name="figure"/> of suite <paramref name="suite"/>, or null.</summary>
    public BenchFigure? Find(string suite, string figure) =>
        Suites.FirstOrDefault(s => s.Name == suite)?.Figures.FirstOrDefault(f => f.Name == figure);
}
