using System.CommandLine;
using System.Text.Json;
using Controller.Cli.Bench;

namespace Controller.Cli.Commands;

/// <summary><c>robotctl bench</c>: measured performance, written as JSON for CI.</summary>
public static class BenchCommand
{
    /// <summary>Builds the <c>bench</c> command and its subcommands.</summary>
    public static Command Create()
    {
        var bench = new Command("bench", "Measure the runtime: medians and ratios against baselines measured in the same run.");
        bench.Add(CreatePipeline());
        bench.Add(CreateLoop());
        bench.Add(CreatePipelineEcho());
        bench.Add(Bench.Suite.BenchAllCommand.Create());
        bench.Add(Bench.Suite.GateAllocationsCommand.Create());
        bench.Add(BenchEtherCatCommand.Create());
        bench.Add(SerialBenchmark.CreateCommand());
        bench.Add(CanBenchmark.CreateCommand());
        bench.Add(BrainBenchmark.CreateCommand());
        return bench;
    }

    private static Command CreatePipeline()
    {
        var seconds = new Option<double>("--seconds") { Description = "Measuring time spread over all probes.", DefaultValueFactory = _ => 10 };
        seconds.Validators.Add(r =>
        {
            double v = r.GetValueOrDefault<double>();
            if (!(v > 0 && v <= 3600)) r.AddError($"--seconds must be greater than 0 and at most 3600; it is {v}.");
        });
        var json = new Option<FileInfo?>("--json") { Description = "Write the report as JSON to this file." };
        var command = new Command("pipeline", "SPSC ring vs System.Threading.Channels (throughput, round trip) vs a C shared-memory ping-pong floor.")
        {
            seconds,
            json,
        };
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var report = PipelineBenchmark.Run(parse.GetValue(seconds), output);
            PipelineBenchTable.Write(report, output);
            WriteJson(parse.GetValue(json), report, output);
            return 0;
        });
        return command;
    }

    private static Command CreateLoop()
    {
        int lastCpu = Environment.ProcessorCount - 1;
        var rate = new Option<double>("--rate") { Description = "Loop rate in Hz (250 to 4000).", DefaultValueFactory = _ => 1000 };
        rate.Validators.Add(r =>
        {
            double v = r.GetValueOrDefault<double>();
            if (!(v >= Cerebellum.Loop.LoopOptions.MinRateHz && v <= Cerebellum.Loop.LoopOptions.MaxRateHz))
                r.AddError($"--rate must be between {Cerebellum.Loop.LoopOptions.MinRateHz} and {Cerebellum.Loop.LoopOptions.MaxRateHz} Hz; it is {v}.");
        });
        var seconds = new Option<double>("--seconds") { Description = "Measured seconds for each of ours and cyclictest's.", DefaultValueFactory = _ => 60 };
        seconds.Validators.Add(r =>
        {
            double v = r.GetValueOrDefault<double>();
            if (!(v > 0 && v <= 86_400)) r.AddError($"--seconds must be greater than 0 and at most 86400; it is {v}.");
        });
        var priority = new Option<int>("--priority") { Description = "SCHED_FIFO priority for both (0: none).", DefaultValueFactory = _ => 80 };
        priority.Validators.Add(r =>
        {
            int v = r.GetValueOrDefault<int>();
            if (v < 0 || v > 99) r.AddError($"--priority must be between 0 and 99; it is {v}.");
        });
        var cpu = new Option<int>("--cpu") { Description = $"CPU both are pinned to (-1: none; default: the last, {lastCpu}).", DefaultValueFactory = _ => lastCpu };
        cpu.Validators.Add(r =>
        {
            int v = r.GetValueOrDefault<int>();
            if (v < -1 || v > lastCpu) r.AddError($"--cpu must be -1 or between 0 and {lastCpu}; it is {v}.");
        });
        var spin = new Option<double>("--spin-us") { Description = "Wake this many µs early and spin to the deadline (0 compares like for like with cyclictest).", DefaultValueFactory = _ => 0 };
        spin.Validators.Add(r =>
        {
            double v = r.GetValueOrDefault<double>();
            if (!(v >= 0 && v <= 1000)) r.AddError($"--spin-us must be between 0 and 1000; it is {v}.");
        });
        var allocate = new Option<bool>("--background-allocation") { Description = "Run a thread that allocates heavily during our loop, to show what garbage collection does to it." };
        var json = new Option<FileInfo?>("--json") { Description = "Write the report as JSON to this file." };
        var (body, observer, robot) = (LoopBodyOptions.Body(), LoopBodyOptions.Observer(), LoopBodyOptions.Robot());
        var command = new Command("loop", "The cycle loop's wake-up lateness and compute time beside cyclictest's, same rate, priority and CPU.")
        {
            rate, seconds, priority, cpu, spin, allocate, json, body, observer, robot,
        };
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var report = LoopBenchmark.Run(new LoopBenchmark.Settings(parse.GetValue(rate), parse.GetValue(seconds), parse.GetValue(priority),
                parse.GetValue(cpu), parse.GetValue(spin), parse.GetValue(allocate), LoopBodyOptions.Parse(parse.GetValue(body)), parse.GetValue(observer), RobotFile: parse.GetValue(robot)?.FullName), output);
            LoopBenchTable.Write(report, output);
            WriteJson(parse.GetValue(json), report, output);
            return 0;
        });
        return command;
    }

    private static void WriteJson<T>(FileInfo? file, T report, TextWriter output)
    {
        if (file == null) return;
        file.Directory?.Create();
        File.WriteAllText(file.FullName, JsonSerializer.Serialize(report, new JsonSerializerOptions { WriteIndented = true }));
        output.WriteLine($"report written to {file.FullName}");
    }

    private static Command CreatePipelineEcho()
    {
        var ping = new Argument<string>("ping") { Description = "Shared ring to read from." };
        var pong = new Argument<string>("pong") { Description = "Shared ring to write to." };
        var cpu = new Option<int>("--cpu") { Description = "CPU to pin to (-1: none).", DefaultValueFactory = _ => -1 };
        var command = new Command("pipeline-echo", "Internal: the far side of the cross-process round trip.") { ping, pong, cpu };
        command.Hidden = true;
        command.SetAction(parse => EchoPeer.Serve(parse.GetValue(ping)!, parse.GetValue(pong)!, parse.GetValue(cpu)));
        return command;
    }
}
