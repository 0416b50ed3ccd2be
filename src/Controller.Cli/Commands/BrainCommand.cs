using System.CommandLine;
using System.Diagnostics;
using System.Text.Json;
using Controller.Brain.Cameras;
using Controller.Brain.Hosting;
using Controller.Brain.Manifests;
using Controller.Pipeline.Messages;

namespace Controller.Cli.Commands;

/// <summary>
/// <c>robotctl brain run &lt;manifest&gt;</c>: runs a model alone on synthetic observations (joints at zero, images
/// black unless <c>--images</c>/<c>--video</c> feed them from a recording (<see cref="BrainImageFeed"/>), the given instruction) at a rate, and reports calls, achieved rate, latency percentiles and deadline
/// misses — to size a model for the robot before it drives one.
/// </summary>
public static class BrainCommand
{
    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true };

    /// <summary>Builds the <c>brain</c> command.</summary>
    public static Command Create()
    {
        var manifest = new Argument<FileInfo>("manifest") { Description = "A model manifest (YAML)." };
        var rate = new Option<double>("--rate") { Description = "Calls per second (default: the manifest's rate).", DefaultValueFactory = _ => 0 };
        var seconds = new Option<double>("--seconds") { Description = "How long to run.", DefaultValueFactory = _ => 5 };
        var instruction = new Option<string?>("--instruction") { Description = "Text for a model with a task input." };
        var images = BrainImageFeed.ImagesOption();
        var video = BrainImageFeed.VideoOption();
        var fps = BrainImageFeed.FpsOption();
        var json = new Option<FileInfo?>("--json") { Description = "Write calls, rate_hz, latency_p50_ms, latency_p99_ms, deadline_misses as JSON." };
        var run = new Command("run", "Run a model standalone on synthetic observations and report rate and latency.") { manifest, rate, seconds, instruction, images, video, fps, json };
        run.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            double duration = parse.GetValue(seconds);
            if (!(duration > 0))
            {
                error.WriteLine($"robotctl brain run: --seconds must be > 0; it is {duration}.");
                return RunCommand.UsageExitCode;
            }

            try
            {
                ModelManifest m = ManifestParser.Load(parse.GetValue(manifest)!.FullName);
                double hz = parse.GetValue(rate) > 0 ? parse.GetValue(rate) : m.RateHz;
                using ModelHost host = ModelHost.Create(m, new HostOptions { DeadlineNs = (long)(1e9 / hz) });
                using BrainImageFeed? feed = BrainImageFeed.Open(m, parse.GetValue(images), parse.GetValue(video), parse.GetValue(fps));
                var report = Measure(host, hz, duration, parse.GetValue(instruction), feed);
                output.WriteLine(FormattableString.Invariant(
                    $"{report.Calls} calls at {report.RateHz:F1} Hz (asked {hz:F1}); latency p50 {report.LatencyP50Ms:F3} ms, p99 {report.LatencyP99Ms:F3} ms; deadline misses {report.DeadlineMisses}"));
                foreach (string line in feed?.Summary() ?? []) output.WriteLine(line);
                if (parse.GetValue(json) is { } file)
                {
                    var fields = new Dictionary<string, object>
                    {
                        ["manifest"] = m.ManifestPath,
                        ["calls"] = report.Calls,
                        ["rate_hz"] = report.RateHz,
                        ["latency_p50_ms"] = report.LatencyP50Ms,
                        ["latency_p99_ms"] = report.LatencyP99Ms,
                        ["deadline_misses"] = report.DeadlineMisses,
                    };
                    if (feed is not null) fields["frames"] = feed.Report();
                    File.WriteAllText(file.FullName, JsonSerializer.Serialize(fields, JsonOptions));
                }

                return 0;
            }
            catch (Exception e) when (e is ManifestException or CameraException or ArgumentException)
            {
                error.WriteLine($"robotctl brain run: {e.Message}");
                return RunCommand.UsageExitCode;
            }
        });
        return new Command("brain", "Run brain models outside the robot.") { run, BrainServeCommand.Create() };
    }

    private static (long Calls, double RateHz, double LatencyP50Ms, double LatencyP99Ms, long DeadlineMisses) Measure(ModelHost host, double hz, double seconds, string? instruction, BrainImageFeed? feed)
    {
        // As many joints as the model's state input holds (positions only), so any manifest can be exercised.
        long stateValues = host.Manifest.Inputs.FirstOrDefault(i => i.Kind == FeatureKind.State)?.ElementCount ?? 1;
        int joints = (int)Math.Clamp(stateValues, 1, MessageLimits.MaxJoints);
        var observation = new ObservationAssembler(host, joints);
        var state = new JointState { JointCount = joints };
        observation.SetState(in state);
        if (instruction is not null)
        {
            observation.SetTask(instruction);
        }

        var latencies = new List<double>();
        long periodTicks = (long)(Stopwatch.Frequency / hz);
        long start = Stopwatch.GetTimestamp();
        long next = start;
        long end = start + (long)(seconds * Stopwatch.Frequency);
        long missesBefore = host.DeadlineMisses;
        while (Stopwatch.GetTimestamp() < end)
        {
            feed?.Write(observation);
            host.Run();
            latencies.Add(host.LastRunNs / 1e6);
            next += periodTicks;
            long wait = next - Stopwatch.GetTimestamp();
            if (wait > 0)
            {
                Thread.Sleep(TimeSpan.FromSeconds(wait / (double)Stopwatch.Frequency));
            }
        }

        double elapsed = (Stopwatch.GetTimestamp() - start) / (double)Stopwatch.Frequency;
        latencies.Sort();
        double Percentile(double p) => latencies.Count == 0 ? 0 : latencies[Math.Min(latencies.Count - 1, (int)(p * latencies.Count))];
        return (latencies.Count, latencies.Count / elapsed, Percentile(0.5), Percentile(0.99), host.DeadlineMisses - missesBefore);
    }
}
