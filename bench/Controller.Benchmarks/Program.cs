using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Exporters;
using BenchmarkDotNet.Exporters.Json;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace Controller.Benchmarks;

public static class Program
{
    /// <summary>
    /// <c>echo &lt;inPath&gt; &lt;outPath&gt;</c> runs the cross-process echo peer; anything else goes to
    /// BenchmarkDotNet (e.g. <c>--filter '*RoundTrip*' --job short</c>). Exits 1 when a benchmark failed.
    /// </summary>
    public static int Main(string[] args)
    {
        if (args.Length > 0 && args[0] == EchoPeer.Verb)
        {
            try
            {
                return EchoPeer.Run(args);
            }
            catch (Exception ex)
            {
                Console.Error.WriteLine($"echo-peer: failed: {ex}");
                return 1;
            }
        }

        Message64.AssertLayout();
        var summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, CreateConfig()).ToList();
        return summaries.Any(Failed) ? 1 : 0;
    }

    /// <summary>
    /// The default config plus allocation measurement, full JSON and GitHub Markdown reports (under
    /// BenchmarkDotNet.Artifacts/results in the working directory), and median and P95 columns.
    /// </summary>
    public static IConfig CreateConfig()
    {
        var config = DefaultConfig.Instance
            .AddDiagnoser(MemoryDiagnoser.Default)
            .AddExporter(JsonExporter.Full)
            .AddColumn(StatisticColumn.Median, StatisticColumn.P95);
        // The default config already carries the GitHub Markdown exporter (BDN 0.15); add it only if it does not.
        if (!DefaultConfig.Instance.GetExporters().Any(e => e.Name == MarkdownExporter.GitHub.Name))
        {
            config = config.AddExporter(MarkdownExporter.GitHub);
        }
        return config;
    }

    private static bool Failed(Summary summary) =>
        summary.HasCriticalValidationErrors || summary.Reports.Any(report => !report.Success);
}
