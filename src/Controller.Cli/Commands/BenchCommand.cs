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
        bench.Add(CreatePipelineEcho());
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
            var file = parse.GetValue(json);
            if (file != null)
            {
                file.Directory?.Create();
                File.WriteAllText(file.FullName, JsonSerializer.Serialize(report, new JsonSerializerOptions { WriteIndented = true }));
                output.WriteLine($"report written to {file.FullName}");
            }
            return 0;
        });
        return command;
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
