using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using Controller.Cerebellum.Realtime;

namespace Controller.Cli.Commands;

/// <summary>
/// <c>robotctl doctor</c>: can this machine hold a real-time loop? Prints what the kernel, limits, CPUs and runtime
/// offer, then asks the kernel for real-time settings on a short-lived thread and prints what it granted, then the
/// hardware findings. The verdict line counts both halves; the exit code is non-zero when a hardware finding blocks the
/// robot named with <c>--robot</c> (<see cref="Doctor.DoctorVerdict"/>), or an option is invalid.
/// </summary>
public static class DoctorCommand
{
    // The file is read by people and CI scripts, not embedded in HTML: keep quotes and dashes as they are.
    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Builds the <c>doctor</c> command.</summary>
    public static Command Create()
    {
        var priority = new Option<int>("--priority")
        {
            Description = $"SCHED_FIFO priority to try ({RealtimeRequest.MinPriority}..{RealtimeRequest.MaxPriority}).",
            DefaultValueFactory = _ => RealtimeRequest.DefaultPriority,
        };
        priority.Validators.Add(r =>
        {
            int v = r.GetValueOrDefault<int>();
            if (v < RealtimeRequest.MinPriority || v > RealtimeRequest.MaxPriority)
                r.AddError($"--priority must be within {RealtimeRequest.MinPriority}..{RealtimeRequest.MaxPriority}; it is {v}.");
        });
        var cpu = new Option<int>("--cpu")
        {
            Description = "CPU to pin the trial thread to (-1: no pinning; default: the last CPU).",
            DefaultValueFactory = _ => Environment.ProcessorCount - 1,
        };
        cpu.Validators.Add(r =>
        {
            int v = r.GetValueOrDefault<int>();
            if (v < RealtimeRequest.NoPinning) r.AddError($"--cpu must be -1 (no pinning) or a CPU number from 0; it is {v}.");
        });
        var tryMlock = new Option<bool>("--try-mlock") { Description = "Also try mlockall(MCL_CURRENT|MCL_FUTURE) in the trial (undone right after)." };
        var json = new Option<FileInfo?>("--json") { Description = "Write the findings as JSON to this file." };
        var robot = new Option<FileInfo?>("--robot") { Description = "Judge the hardware findings for this robot (robot.yaml): a finding it needs blocks (non-zero exit)." };
        var command = new Command("doctor", "Check this machine for real-time readiness: kernel, privileges, limits, CPUs, GC; then try SCHED_FIFO, pinning (and mlockall); then hardware: FTDI latency timers, CPU isolation and governors, raw sockets, CAN, ONNX Runtime.")
        {
            priority, cpu, tryMlock, json, robot,
        };
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            if (!Doctor.DoctorRobot.TryLoad(parse.GetValue(robot), parse.InvocationConfiguration.Error, out var robotConfig))
            {
                return RunCommand.UsageExitCode;
            }

            var request = new RealtimeRequest(parse.GetValue(priority), parse.GetValue(cpu), parse.GetValue(tryMlock));
            var capabilities = RealtimeCapabilities.Probe(request.Priority);
            WriteTable(capabilities, output);
            output.WriteLine();
            output.WriteLine($"Trial on a short-lived thread (SCHED_FIFO {request.Priority}, {(request.Cpu == RealtimeRequest.NoPinning ? "no pinning" : $"cpu {request.Cpu}")}, " +
                             $"{(request.LockMemory ? "mlockall, undone after" : "no mlockall: add --try-mlock")}):");
            var trial = RunTrial(request);
            foreach (var item in trial.Items) output.WriteLine($"  {item.Describe()}");
            var readiness = new RealtimeReadiness(capabilities, trial);
            output.WriteLine();
            var hardware = Doctor.HardwareDoctor.Run();
            Doctor.HardwareDoctor.Write(hardware, output);
            var verdict = Doctor.DoctorVerdict.Judge(hardware, robotConfig);
            var file = parse.GetValue(json);
            if (file != null)
            {
                file.Directory?.Create();
                var document = JsonSerializer.SerializeToNode(readiness, JsonOptions)!;
                document["hardware"] = JsonSerializer.SerializeToNode(hardware, JsonOptions);
                File.WriteAllText(file.FullName, document.ToJsonString(JsonOptions));
                output.WriteLine($"findings written to {file.FullName}");
            }
            output.WriteLine($"{readiness.Verdict}; {verdict.Line}");
            return verdict.ExitCode;
        });
        return command;
    }

    /// <summary>Applies the request on a dedicated thread that ends right after, so no other thread is changed.</summary>
    private static RealtimeSetupReport RunTrial(RealtimeRequest request)
    {
        RealtimeSetupReport? report = null;
        var thread = new Thread(() =>
        {
            report = RealtimeThreadSetup.Apply(request);
            if (report.Items.Any(item => item.Name == RealtimeThreadSetup.MemoryLockName && item.Granted)) RealtimeThreadSetup.UnlockMemory();
        })
        {
            IsBackground = true,
            Name = "robotctl doctor trial",
        };
        thread.Start();
        thread.Join();
        return report!;
    }

    private static void WriteTable(RealtimeCapabilities capabilities, TextWriter output)
    {
        string[] header = ["CHECK", "STATUS", "VALUE", "ADVICE"];
        var rows = capabilities.Items
            .Select(item => new[] { item.Name, StatusText(item.Status), item.Value, item.Advice })
            .ToList();
        int[] widths = Enumerable.Range(0, 3).Select(column => rows.Append(header).Max(row => row[column].Length)).ToArray();
        foreach (var row in rows.Prepend(header))
        {
            output.WriteLine($"{row[0].PadRight(widths[0])}  {row[1].PadRight(widths[1])}  {row[2].PadRight(widths[2])}  {row[3]}");
        }
    }

    private static string StatusText(RealtimeCapabilityStatus status) => status switch
    {
        RealtimeCapabilityStatus.Ok => "ok",
        RealtimeCapabilityStatus.Warning => "WARNING",
        _ => "PROBLEM",
    };
}
