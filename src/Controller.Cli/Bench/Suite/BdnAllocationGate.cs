using System.Text.Json;
using System.Text.RegularExpressions;

namespace Controller.Cli.Bench.Suite;

/// <summary>
/// Reads BenchmarkDotNet's full JSON reports (<c>*-report-full.json</c>, one per benchmark class) and finds every
/// benchmark that allocated more than 0 B per operation, or produced no memory figure at all (it failed), unless its
/// full name matches an allow-list pattern (<c>*</c> matches any run of characters).
/// </summary>
public static class BdnAllocationGate
{
    /// <summary>One benchmark's allocation figure.</summary>
    /// <param name="FullName">BenchmarkDotNet's full name (type, method, parameters).</param>
    /// <param name="BytesPerOperation">Bytes allocated per operation, or null when the benchmark has no result.</param>
    /// <param name="Allowed">Whether an allow-list pattern matched.</param>
    public sealed record Entry(string FullName, double? BytesPerOperation, bool Allowed)
    {
        /// <summary>True when this entry fails the gate.</summary>
        public bool Fails => !Allowed && BytesPerOperation is not 0;
    }

    /// <summary>Every benchmark of every <c>*-report-full.json</c> under <paramref name="directory"/> (recursively).</summary>
    /// <exception cref="InvalidDataException">A report is not BenchmarkDotNet JSON; the message names the file.</exception>
    /// <exception cref="DirectoryNotFoundException">The directory does not exist.</exception>
    public static IReadOnlyList<Entry> Read(string directory, IReadOnlyList<string> allow)
    {
        if (!Directory.Exists(directory)) throw new DirectoryNotFoundException($"no such directory: {directory}");
        var patterns = allow.Select(a => new Regex("^" + Regex.Escape(a).Replace("\\*", ".*", StringComparison.Ordinal) + "$", RegexOptions.CultureInvariant)).ToList();
        var entries = new List<Entry>();
        foreach (string file in Directory.EnumerateFiles(directory, "*-report-full.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            entries.AddRange(Parse(File.ReadAllText(file), file).Select(e => e with { Allowed = patterns.Any(p => p.IsMatch(e.FullName)) }));
        }
        return entries;
    }

    /// <summary>The benchmarks of one report (none allowed yet).</summary>
    /// <exception cref="InvalidDataException">Not BenchmarkDotNet JSON (no <c>Benchmarks</c> array, a benchmark without <c>FullName</c>).</exception>
    public static IReadOnlyList<Entry> Parse(string json, string source)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            if (!document.RootElement.TryGetProperty("Benchmarks", out var benchmarks) || benchmarks.ValueKind != JsonValueKind.Array)
                throw new InvalidDataException($"{source}: no 'Benchmarks' array: not a BenchmarkDotNet full JSON report");
            var entries = new List<Entry>();
            foreach (var b in benchmarks.EnumerateArray())
            {
                string name = b.TryGetProperty("FullName", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString()!
                    : throw new InvalidDataException($"{source}: a benchmark without 'FullName'");
                double? bytes = b.TryGetProperty("Memory", out var memory) && memory.ValueKind == JsonValueKind.Object
                    && memory.TryGetProperty("BytesAllocatedPerOperation", out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDouble() : null;
                entries.Add(new Entry(name, bytes, false));
            }
            return entries;
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{source}: not JSON: {e.Message}", e);
        }
    }
}
