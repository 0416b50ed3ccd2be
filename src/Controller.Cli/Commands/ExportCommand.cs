using System.CommandLine;
using Controller.Runtime.Recording;
using Controller.Runtime.Recording.Export;

namespace Controller.Cli.Commands;

/// <summary><c>robotctl export lerobot &lt;episode…&gt; &lt;outdir&gt;</c>: recordings to a LeRobotDataset v3.0 folder.</summary>
public static class ExportCommand
{
    /// <summary>Builds the <c>export</c> command and its <c>lerobot</c> subcommand.</summary>
    public static Command Create()
    {
        var paths = new Argument<string[]>("episodes-then-outdir")
        {
            Description = "One or more episode files, then the dataset folder to write.",
            Arity = new ArgumentArity(2, 100_000),
        };
        var lerobot = new Command("lerobot", "Write a LeRobotDataset v3.0 (parquet data, meta/info.json, stats.json, tasks, episodes; no videos).") { paths };
        lerobot.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            string[] all = parse.GetValue(paths)!;
            string outDir = all[^1];
            var episodes = new List<(string, EpisodeReadResult)>();
            foreach (string path in all[..^1])
            {
                if (!ReplayCommand.TryRead(new FileInfo(path), error, "export lerobot", out EpisodeReadResult? episode))
                {
                    return ReplayCommand.BadRecordingExitCode;
                }

                episodes.Add((path, episode));
            }

            LeRobotExportSummary summary;
            try
            {
                summary = LeRobotExporter.ExportAsync(episodes, outDir).GetAwaiter().GetResult();
            }
            catch (ArgumentException e)
            {
                error.WriteLine($"robotctl export lerobot: {e.Message}");
                return RunCommand.UsageExitCode;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                error.WriteLine($"robotctl export lerobot: cannot write '{outDir}': {e.Message}");
                return RunCommand.UsageExitCode;
            }

            foreach (string note in summary.Notes)
            {
                output.WriteLine($"  note: {note}");
            }

            output.WriteLine($"LeRobotDataset {LeRobotExporter.CodebaseVersion} in {Path.GetFullPath(outDir)}: {summary.Episodes} episodes, {summary.Frames} frames at {summary.Fps} fps, " +
                             $"{summary.Tasks} tasks{(summary.HasWrench ? ", with observation.wrench" : "")}");
            return 0;
        });
        return new Command("export", "Export recordings to other formats.") { lerobot };
    }
}
