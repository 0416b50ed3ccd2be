using System.CommandLine;
using Controller.Cli.Recording;
using Controller.Runtime.Recording;

namespace Controller.Cli.Commands;

/// <summary><c>robotctl report &lt;episode&gt; [--out DIR]</c>: PNG and SVG plots of a recording and an HTML page linking them.</summary>
public static class ReportCommand
{
    /// <summary>Builds the <c>report</c> command.</summary>
    public static Command Create()
    {
        var file = new Argument<FileInfo>("episode") { Description = "An episode file written by robotctl run --record." };
        var outDir = new Option<DirectoryInfo?>("--out") { Description = "Where to write the report (default: <episode>.report beside the file)." };
        var command = new Command("report", "Plot joint tracking, wrench and loop lateness of a recording; write an HTML summary.") { file, outDir };
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            FileInfo path = parse.GetValue(file)!;
            if (!ReplayCommand.TryRead(path, error, "report", out EpisodeReadResult? episode))
            {
                return ReplayCommand.BadRecordingExitCode;
            }

            string folder = parse.GetValue(outDir)?.FullName ?? path.FullName + ".report";
            try
            {
                string index = EpisodeReportWriter.Write(path.FullName, episode, folder);
                output.WriteLine($"report: {index}");
                return 0;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                error.WriteLine($"robotctl report: cannot write '{folder}': {e.Message}");
                return RunCommand.UsageExitCode;
            }
        });
        return command;
    }
}
