using System.CommandLine;
using System.Globalization;

namespace Controller.Cli.Bench.Suite;

/// <summary>
/// <c>robotctl bench gate-allocations &lt;results dir&gt;</c>: the CI gate over a BenchmarkDotNet run. Exit 0 when
/// every benchmark allocated exactly 0 B/op (or is allow-listed), 1 when one allocated or has no result, 2 when
/// there is nothing to judge (no directory, no report, unreadable JSON).
/// </summary>
public static class GateAllocationsCommand
{
    /// <summary>Builds the <c>gate-allocations</c> subcommand.</summary>
    public static Command Create()
    {
        var directory = new Argument<DirectoryInfo>("results") { Description = "BenchmarkDotNet's results folder, e.g. BenchmarkDotNet.Artifacts/results." };
        var allow = new Option<string[]>("--allow") { Description = "Benchmarks allowed to allocate: full-name patterns, * matches anything (repeatable).", AllowMultipleArgumentsPerToken = true };
        var allowFile = new Option<FileInfo?>("--allow-file") { Description = "A file of allow patterns, one a line (# comments)." };
        var command = new Command("gate-allocations", "Fail when any BenchmarkDotNet benchmark allocates more than 0 B/op (reads *-report-full.json).")
        {
            directory, allow, allowFile,
        };
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            IReadOnlyList<BdnAllocationGate.Entry> entries;
            try
            {
                var patterns = (parse.GetValue(allow) ?? []).ToList();
                if (parse.GetValue(allowFile) is { } f)
                    patterns.AddRange(File.ReadAllLines(f.FullName).Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')));
                entries = BdnAllocationGate.Read(parse.GetValue(directory)!.FullName, patterns);
            }
            catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
            {
                error.WriteLine($"robotctl bench gate-allocations: {e.Message}");
                return 2;
            }
            if (entries.Count == 0)
            {
                error.WriteLine("robotctl bench gate-allocations: no *-report-full.json with any benchmark in that folder (did the run use the JSON exporter?)");
                return 2;
            }
            foreach (var e in entries.Where(e => e.Fails))
                error.WriteLine($"allocates: {e.FullName}: {(e.BytesPerOperation is { } b ? b.ToString("0.##", CultureInfo.InvariantCulture) + " B/op" : "no result")}");
            int failing = entries.Count(e => e.Fails), allowed = entries.Count(e => e.Allowed && e.BytesPerOperation is not 0);
            output.WriteLine($"gate-allocations: {entries.Count} benchmark(s), {failing} allocating or without result, {allowed} allow-listed allocating: {(failing == 0 ? "PASS" : "FAIL")}");
            return failing == 0 ? 0 : 1;
        });
        return command;
    }
}
