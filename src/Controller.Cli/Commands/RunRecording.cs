using Controller.Runtime.Configuration;
using Controller.Runtime.Recording;

namespace Controller.Cli.Commands;

/// <summary>How <c>robotctl run</c> decides what to record: <c>--record FILE</c>, else the configuration's <c>recording:</c> section.</summary>
internal static class RunRecording
{
    /// <summary>
    /// The recording for a run: <paramref name="file"/> when given; otherwise, when the configuration enables
    /// recording, <c>&lt;directory&gt;/&lt;robot&gt;-&lt;UTC time&gt;.episode</c>; otherwise none.
    /// </summary>
    public static RecordingOptions? For(RobotConfig config, FileInfo? file)
    {
        if (file is not null)
        {
            return new RecordingOptions(file.FullName);
        }

        if (!config.Recording.Enabled)
        {
            return null;
        }

        string name = $"{config.Name}-{DateTime.UtcNow:yyyyMMdd-HHmmss}.episode";
        return new RecordingOptions(Path.Combine(config.Resolve(config.Recording.Directory), name));
    }

    /// <summary>Prints where the recording went, how much it holds and whether it ended early.</summary>
    public static void Report(EpisodeRecorder? recorder, TextWriter output)
    {
        if (recorder is null)
        {
            return;
        }

        output.WriteLine(recorder.Failure is { } failure
            ? $"recording: {failure} ({recorder.RecordCount} records kept in {recorder.Path})"
            : $"recording: {recorder.RecordCount} records in {recorder.Path} (robotctl replay/report/export read it)");
    }
}
