using System.CommandLine;
using Controller.Cli.Recording;
using Controller.Runtime.Configuration;
using Controller.Runtime.Recording;

namespace Controller.Cli.Commands;

/// <summary>
/// <c>robotctl replay &lt;episode&gt; [--print] [--robot robot.yaml]</c>: shows what a recording holds (its header and
/// a summary; every record with <c>--print</c>), or drives a simulated robot along the recorded commands.
/// </summary>
public static class ReplayCommand
{
    /// <summary>Exit code when the file is not a readable episode.</summary>
    public const int BadRecordingExitCode = 4;

    /// <summary>Builds the <c>replay</c> command.</summary>
    public static Command Create()
    {
        var file = new Argument<FileInfo>("episode") { Description = "An episode file written by robotctl run --record." };
        var print = new Option<bool>("--print") { Description = "Print every record, one a line." };
        var robot = new Option<FileInfo?>("--robot") { Description = "Drive this simulated robot (e.g. hardware/sim-arm6/robot.yaml) along the recorded commands." };
        var command = new Command("replay", "Print a recording, or drive a simulated robot along its recorded commands.") { file, print, robot };
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            FileInfo path = parse.GetValue(file)!;
            if (!TryRead(path, error, "replay", out EpisodeReadResult? episode))
            {
                return BadRecordingExitCode;
            }

            foreach (string line in RecordText.Summary(path.FullName, episode))
            {
                output.WriteLine(line);
            }

            if (parse.GetValue(print))
            {
                foreach (EpisodeRecord record in episode.Records)
                {
                    output.WriteLine(RecordText.Line(record));
                }
            }

            if (parse.GetValue(robot) is { } robotFile)
            {
                RobotConfig config;
                try
                {
                    config = RobotConfigLoader.Load(robotFile.FullName);
                }
                catch (ConfigException e)
                {
                    error.WriteLine($"robotctl replay: {e.Message}");
                    return RunCommand.UsageExitCode;
                }

                return SimulatedReplay.Run(config, episode, output, error);
            }

            return 0;
        });
        return command;
    }

    /// <summary>Reads an episode, printing why not to <paramref name="error"/> when it cannot be read.</summary>
    internal static bool TryRead(FileInfo path, TextWriter error, string verb, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out EpisodeReadResult? episode)
    {
        episode = null;
        if (!path.Exists)
        {
            error.WriteLine($"robotctl {verb}: episode file '{path.FullName}' does not exist.");
            return false;
        }

        try
        {
            episode = EpisodeReader.Read(path.FullName);
            return true;
        }
        catch (RecordingFormatException e)
        {
            error.WriteLine($"robotctl {verb}: '{path.FullName}' is not a readable episode: {e.Message}");
        }
        catch (IOException e)
        {
            error.WriteLine($"robotctl {verb}: '{path.FullName}' cannot be read: {e.Message}");
        }

        return false;
    }
}
