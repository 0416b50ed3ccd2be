using System.CommandLine;
using System.Diagnostics;
using System.Text.Json;
using Controller.Brain.Hosting;
using Controller.Brain.Manifests;
using Controller.Brain.Perception;
using Controller.Cerebellum.Loop;
using Controller.Cerebellum.Realtime;
using Controller.Pipeline.Messages;
using Controller.Runtime.Brain;
using Microsoft.ML.OnnxRuntime;

namespace Controller.Cli.Bench;

/// <summary>
/// <c>robotctl bench brain</c>: what hosting a model costs and whether the brain hurts the loop. With the shipped demo
/// models (<c>models/</c>): (1) <see cref="ModelHost.Run"/> against a bare <see cref="InferenceSession.Run(RunOptions, IReadOnlyCollection{string}, IReadOnlyCollection{OrtValue}, IReadOnlyCollection{string})"/>
/// on the same policy, in alternating blocks so machine noise falls on both; (2) managed bytes per hosted inference;
/// (3) a 1 kHz loop on its own thread alone, then (4) the same loop while a brain thread steps the planner and the
/// policy flat out (<see cref="FlatOutBrain"/>: the planner once per five policy steps, their 2 Hz : 10 Hz ratio), then
/// (5) the same loop while the same load runs in a child process (<c>robotctl brain serve --flat-out</c>, attached
/// through <c>/dev/shm</c> as the out-of-process brain is), giving the rates and the loop's p99 lateness without the
/// brain, with it in process and with it out of process.
/// </summary>
public static class BrainBenchmark
{
    private const int BlockCalls = 200;

    /// <summary>Builds the <c>bench brain</c> command (registered by <see cref="Commands.BenchCommand"/>).</summary>
    public static Command CreateCommand()
    {
        var seconds = new Option<double>("--seconds") { Description = "Measuring time spread over the phases.", DefaultValueFactory = _ => 20 };
        seconds.Validators.Add(r =>
        {
            double v = r.GetValueOrDefault<double>();
            if (!(v > 0 && v <= 3600)) r.AddError($"--seconds must be greater than 0 and at most 3600; it is {v}.");
        });
        var models = new Option<DirectoryInfo?>("--models") { Description = "Folder holding demo-policy.yaml and demo-planner.yaml (default: models/ of the repository)." };
        var json = new Option<FileInfo?>("--json") { Description = "Write the report as JSON to this file." };
        var config = new Option<FileInfo?>("--config") { Description = "Robot configuration whose brain the out-of-process phase serves (default: hardware/sim-arm6/robot.yaml of the repository)." };
        var command = new Command("brain", "ModelHost overhead against bare ONNX Runtime, planner and policy rates, the 1 kHz loop's p99 lateness without the brain, with it in process and out of process.")
        {
            seconds, models, json, config,
        };
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            string? folder = parse.GetValue(models)?.FullName ?? FindModels();
            if (folder is null || !File.Exists(Path.Combine(folder, "demo-policy.yaml")))
            {
                error.WriteLine($"robotctl bench brain: no demo-policy.yaml in '{folder ?? "models/ (not found above the working directory)"}'; pass --models DIR (robotctl model generate-demo DIR writes them).");
                return 2;
            }

            string? robot = parse.GetValue(config)?.FullName ?? FindAbove(Path.Combine("hardware", "sim-arm6", "robot.yaml"));
            var report = Run(parse.GetValue(seconds), folder, output, robot);
            output.WriteLine(FormattableString.Invariant($"overhead_vs_bare {report.OverheadVsBare:0.000} (host {report.HostInferenceUs:0.0} µs, bare {report.BareInferenceUs:0.0} µs); allocated_bytes_per_inference {report.AllocatedBytesPerInference:0.##}"));
            output.WriteLine(FormattableString.Invariant($"planner_hz {report.PlannerHz:0.0}, policy_hz {report.PolicyHz:0.0} (flat out, beside the loop)"));
            output.WriteLine(FormattableString.Invariant($"loop p99 lateness: {report.LoopP99WithoutBrainUs:0.0} µs without the brain, {report.LoopP99WithBrainUs:0.0} µs with it in process (ratio {report.LoopP99Ratio:0.00}); overruns {report.LoopOverrunsWithoutBrain} / {report.LoopOverrunsWithBrain}"));
            output.WriteLine(report.LoopP99WithBrainOutOfProcessUs is { } outUs
                ? FormattableString.Invariant($"loop p99 lateness with the brain out of process: {outUs:0.0} µs (ratio {report.LoopP99RatioOutOfProcess:0.00}); overruns {report.LoopOverrunsWithBrainOutOfProcess}; its planner_hz {report.PlannerHzOutOfProcess:0.0}, policy_hz {report.PolicyHzOutOfProcess:0.0}")
                : $"out of process: not measured ({report.OutOfProcessNote})");
            if (parse.GetValue(json) is { } file)
            {
                file.Directory?.Create();
                File.WriteAllText(file.FullName, JsonSerializer.Serialize(report, new JsonSerializerOptions { WriteIndented = true }));
                output.WriteLine($"report written to {file.FullName}");
            }

            return 0;
        });
        return command;
    }

    /// <summary>
    /// Runs every phase for about <paramref name="seconds"/> in all, with the demo models in <paramref name="modelsFolder"/>;
    /// the out-of-process phase serves <paramref name="configFile"/>'s brain (skipped, with a note, when null).
    /// </summary>
    public static BrainBenchReport Run(double seconds, string modelsFolder, TextWriter log, string? configFile = null)
    {
        var started = DateTime.UtcNow;
        ModelManifest policyManifest = ManifestParser.Load(Path.Combine(modelsFolder, "demo-policy.yaml"));
        ModelManifest plannerManifest = ManifestParser.Load(Path.Combine(modelsFolder, "demo-planner.yaml"));
        using var policy = ModelHost.Create(policyManifest);
        using var planner = ModelHost.Create(plannerManifest);

        log.WriteLine("phase 1/4: ModelHost.Run against a bare InferenceSession.Run on the demo policy");
        var (hostNs, bareNs) = Overhead(policy, policyManifest, seconds * 0.3);
        double allocated = AllocatedPerInference(policy);

        log.WriteLine("phase 2/4: the 1 kHz loop alone");
        var loop = new CycleLoop<IdleBody>(default, new AbsoluteDeadlinePacer(0), new LoopOptions(1000));
        var realtime = new List<string>();
        double loopSeconds = seconds * 0.7 / 3;
        var (withoutP99, withoutOverruns) = RunLoop(loop, loopSeconds, realtime);

        log.WriteLine("phase 3/4: the same loop while the brain steps planner and policy flat out in this process");
        var brain = new FlatOutBrain(policy, planner);
        var brainThread = new Thread(brain.Run) { IsBackground = true, Name = "bench-brain" };
        brainThread.Start();
        var (withP99, withOverruns) = RunLoop(loop, loopSeconds, realtime);
        brain.Stop();
        brainThread.Join();

        log.WriteLine("phase 4/4: the same loop while `robotctl brain serve --flat-out` steps the same load in its own process");
        var outOfProcess = MeasureOutOfProcess(loop, loopSeconds, realtime, configFile);

        return new BrainBenchReport
        {
            StartedUtc = started,
            Seconds = seconds,
            OverheadVsBare = hostNs / bareNs,
            HostInferenceUs = hostNs / 1000,
            BareInferenceUs = bareNs / 1000,
            AllocatedBytesPerInference = allocated,
            PlannerHz = brain.PlannerSteps / brain.ElapsedSeconds,
            PolicyHz = brain.PolicySteps / brain.ElapsedSeconds,
            LoopP99WithBrainUs = withP99 / 1000,
            LoopP99WithoutBrainUs = withoutP99 / 1000,
            LoopP99Ratio = withoutP99 > 0 ? (double)withP99 / withoutP99 : double.NaN,
            LoopOverrunsWithBrain = withOverruns,
            LoopOverrunsWithoutBrain = withoutOverruns,
            LoopP99WithBrainOutOfProcessUs = outOfProcess.P99Ns / 1000,
            LoopP99RatioOutOfProcess = outOfProcess.P99Ns is { } p && withoutP99 > 0 ? p / withoutP99 : null,
            LoopOverrunsWithBrainOutOfProcess = outOfProcess.Overruns,
            PlannerHzOutOfProcess = outOfProcess.PlannerHz,
            PolicyHzOutOfProcess = outOfProcess.PolicyHz,
            OutOfProcessNote = outOfProcess.Note,
            Realtime = realtime.Distinct().ToArray(),
            Environment = BenchEnvironment.Capture(pinned: false),
        };
    }

    private static string? FindModels() => FindAbove(Path.Combine("models", "demo-policy.yaml")) is { } file ? Path.GetDirectoryName(file) : null;

    private static string? FindAbove(string relative)
    {
        foreach (string start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                string candidate = Path.Combine(dir.FullName, relative);
                if (File.Exists(candidate)) return candidate;
            }
        }
        return null;
    }

    // The child's rates are the ones it published over the phase (its own counts, read through the status mailbox).
    private static (double? P99Ns, long? Overruns, double? PlannerHz, double? PolicyHz, string? Note) MeasureOutOfProcess(
        CycleLoop<IdleBody> loop, double seconds, List<string> realtime, string? configFile)
    {
        if (configFile is null) return (null, null, null, null, "no robot configuration to serve (pass --config)");
        OutOfProcessBrainPhase phase;
        try
        {
            phase = OutOfProcessBrainPhase.Start(configFile);
        }
        catch (InvalidOperationException e)
        {
            return (null, null, null, null, e.Message);
        }

        using (phase)
        {
            BrainProcessStatus first = phase.Latest()!;
            var (p99, overruns) = RunLoop(loop, seconds, realtime);
            BrainProcessStatus last = phase.Latest()!;
            double elapsed = Math.Max(1e-9, (last.PublishedNs - first.PublishedNs) * 1e-9);
            return (p99, overruns, (last.PlannerRuns - first.PlannerRuns) / elapsed, (last.PolicyCalls - first.PolicyCalls) / elapsed, null);
        }
    }

    // Alternating blocks of hosted and bare calls; the median block mean of each.
    private static (double HostNs, double BareNs) Overhead(ModelHost host, ModelManifest manifest, double seconds)
    {
        using var options = new SessionOptions
        {
            GraphOptimizationLevel = host.Options.GraphOptimization,
            IntraOpNumThreads = host.Options.IntraOpThreads,
            InterOpNumThreads = 1,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
        };
        options.AddSessionConfigEntry("session.intra_op.allow_spinning", "0");
        options.AddSessionConfigEntry("session.inter_op.allow_spinning", "0");
        using var session = new InferenceSession(manifest.ModelPath, options);
        using var runOptions = new RunOptions();
        var inputNames = manifest.Inputs.Select(i => i.Tensor).ToArray();
        var buffers = manifest.Inputs.Select(i => new float[i.Shape.Aggregate(1L, (a, b) => a * b)]).ToArray();
        var inputs = manifest.Inputs.Select((i, k) => OrtValue.CreateTensorValueFromMemory(buffers[k], i.Shape)).ToArray();
        string[] outputNames = [manifest.Action!.Tensor];
        try
        {
            for (int i = 0; i < 50; i++) { host.Run(); using var warm = session.Run(runOptions, inputNames, inputs, outputNames); }
            var hostBlocks = new List<double>();
            var bareBlocks = new List<double>();
            var clock = Stopwatch.StartNew();
            while (clock.Elapsed.TotalSeconds < seconds || hostBlocks.Count < 5)
            {
                long t0 = Stopwatch.GetTimestamp();
                for (int i = 0; i < BlockCalls; i++) host.Run();
                long t1 = Stopwatch.GetTimestamp();
                for (int i = 0; i < BlockCalls; i++) { using var outputs = session.Run(runOptions, inputNames, inputs, outputNames); }
                long t2 = Stopwatch.GetTimestamp();
                hostBlocks.Add((t1 - t0) * (1e9 / Stopwatch.Frequency) / BlockCalls);
                bareBlocks.Add((t2 - t1) * (1e9 / Stopwatch.Frequency) / BlockCalls);
            }
            return (Median(hostBlocks), Median(bareBlocks));
        }
        finally
        {
            foreach (var v in inputs) v.Dispose();
        }
    }

    private static double AllocatedPerInference(ModelHost host)
    {
        int joints = (int)host.Manifest.Inputs.First(i => i.Feature == "observation.state").Shape[^1];
        var assembler = new ObservationAssembler(host, joints);
        var state = new JointState { JointCount = joints };
        for (int i = 0; i < 100; i++) { assembler.SetState(in state); host.Run(); }
        return SteadyStateAllocation.PerCall(() => { assembler.SetState(in state); host.Run(); });
    }

    private static (long P99Ns, long Overruns) RunLoop(CycleLoop<IdleBody> loop, double seconds, List<string> realtime)
    {
        long p99 = 0, overruns = 0;
        var thread = new Thread(() =>
        {
            var report = RealtimeThreadSetup.Apply(new RealtimeRequest(80, -1, lockMemory: false));
            realtime.AddRange(report.Items.Select(i => i.Describe()));
            loop.RunCycles(200);
            loop.ResetStatistics();
            loop.RunCycles(Math.Max(500, (long)(seconds * 1000)));
            p99 = loop.Lateness.Percentile(0.99);
            overruns = loop.Overruns;
        }) { IsBackground = true, Name = "bench-loop", Priority = ThreadPriority.Highest };
        thread.Start();
        thread.Join();
        return (p99, overruns);
    }

    private static double Median(List<double> values)
    {
        values.Sort();
        return values.Count % 2 == 1 ? values[values.Count / 2] : (values[values.Count / 2 - 1] + values[values.Count / 2]) / 2;
    }
}
