using System.Text.Json;
using Controller.Cli.Bench.Suite;

namespace Controller.Cli.Tests.Bench.Suite;

public class BenchAllReportTests
{
    private static BenchAllReport Sample() => SuiteReports.With(
        new BenchSuiteResult
        {
            Name = "bus.arm",
            DurationSeconds = 1.5,
            Target = "twin",
            Figures =
            [
                BenchFigure.Latency("cycle_p99_us", 812.5, percentiles: [new(50, 100), new(99, 812.5), new(100, 2000)]),
                BenchFigure.Allocation("allocated_bytes_per_cycle", 0),
                BenchFigure.Higher("msgs_per_s", 1e6, "msg/s", gated: false),
                BenchFigure.Latency("not_measured_us", null),
            ],
            Notes = ["a note"],
        },
        BenchSuiteResult.Skip("brain", "no models"));

    [Fact]
    public void ToJson_ThenParse_GivesTheSameFigures()
    {
        var report = Sample();

        var back = BenchAllReport.Parse(report.ToJson(), "test");

        Assert.Equal(report.SchemaVersion, back.SchemaVersion);
        Assert.Equal(report.Environment.CpuModel, back.Environment.CpuModel);
        Assert.Equal(report.Suites.Select(s => (s.Name, s.Status)), back.Suites.Select(s => (s.Name, s.Status)));
        var figures = report.Suites[0].Figures;
        var parsed = back.Suites[0].Figures;
        Assert.Equal(figures.Count, parsed.Count);
        for (int i = 0; i < figures.Count; i++)
        {
            Assert.Equal(figures[i] with { Percentiles = null }, parsed[i] with { Percentiles = null });
            Assert.Equal(figures[i].Percentiles ?? [], parsed[i].Percentiles ?? []);
        }
    }

    [Fact]
    public void ToJson_WritesSnakeCaseNamesAndDirectionsAsStrings()
    {
        string json = Sample().ToJson();

        Assert.Contains("\"schema_version\": 1", json);
        Assert.Contains("\"direction\": \"higher_is_better\"", json);
        Assert.Contains("\"must_be_zero\": true", json);
        Assert.Contains("\"status\": \"skipped\"", json);
        Assert.Contains("\"config_sha256\": \"ab\"", json);
    }

    [Fact]
    public void Parse_OtherSchemaVersion_ThrowsNamingBothVersions()
    {
        string json = Sample().ToJson().Replace("\"schema_version\": 1", "\"schema_version\": 7");

        var e = Assert.Throws<InvalidDataException>(() => BenchAllReport.Parse(json, "old.json"));

        Assert.Contains("old.json", e.Message);
        Assert.Contains("schema_version 7", e.Message);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("{\"schema\": \"robotctl.bench.loop/1\"}")]
    [InlineData("[]")]
    public void Parse_NotABenchAllDocument_ThrowsInvalidData(string json)
    {
        Assert.Throws<InvalidDataException>(() => BenchAllReport.Parse(json, "x.json"));
    }

    [Fact]
    public void JsonSchemaFile_DescribesEveryPropertyTheReportWrites()
    {
        string path = Path.Combine(SuiteReports.RepositoryRoot(), "src", "Controller.Cli", "Bench", "Suite", "bench-all.schema.json");
        using var schema = JsonDocument.Parse(File.ReadAllText(path));
        var documented = new HashSet<string>();
        Collect(schema.RootElement, documented);
        using var report = JsonDocument.Parse(Sample().ToJson());
        var written = new HashSet<string>();
        CollectWritten(report.RootElement, written);

        Assert.Empty(written.Except(documented));
        Assert.Equal(BenchAllReport.CurrentSchemaVersion, schema.RootElement.GetProperty("properties").GetProperty("schema_version").GetProperty("const").GetInt32());
    }

    private static void Collect(JsonElement element, HashSet<string> names)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            foreach (var p in element.EnumerateObject())
            {
                if (p.Name == "properties") foreach (var q in p.Value.EnumerateObject()) names.Add(q.Name);
                Collect(p.Value, names);
            }
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var e in element.EnumerateArray()) Collect(e, names);
        }
    }

    private static void CollectWritten(JsonElement element, HashSet<string> names)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            foreach (var p in element.EnumerateObject())
            {
                names.Add(p.Name);
                CollectWritten(p.Value, names);
            }
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var e in element.EnumerateArray()) CollectWritten(e, names);
        }
    }
}
