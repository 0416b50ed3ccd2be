using System.CommandLine;
using System.Text.Json;
using Controller.Cli.Bench;

namespace Controller.Cli.Commands;

/// <summary><c>robotctl bench ethercat</c>: cyclic EtherCAT exchange with simulated slaves over a veth pair (or in-process).</summary>
public static class BenchEtherCatCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var slaves = new Option<int>("--slaves") { Description = "Simulated slaves: an EK1100 and EL2004s (2..64).", DefaultValueFactory = _ => 8 };
        slaves.Validators.Add(r =>
        {
            int v = r.GetValueOrDefault<int>();
            if (v is < 2 or > 64) r.AddError($"--slaves must be between 2 and 64; it is {v}.");
        });
        var rate = new Option<double>("--rate") { Description = "Cycle rate in Hz (100 to 100000).", DefaultValueFactory = _ => 1000 };
        rate.Validators.Add(r =>
        {
            double v = r.GetValueOrDefault<double>();
            if (!(v >= 100 && v <= EtherCatBenchmark.MaxSearchRateHz)) r.AddError($"--rate must be between 100 and {EtherCatBenchmark.MaxSearchRateHz} Hz; it is {v}.");
        });
        var seconds = new Option<double>("--seconds") { Description = "Measured seconds at --rate.", DefaultValueFactory = _ => 10 };
        seconds.Validators.Add(r =>
        {
            double v = r.GetValueOrDefault<double>();
            if (!(v > 0 && v <= 3600)) r.AddError($"--seconds must be greater than 0 and at most 3600; it is {v}.");
        });
        var maxRateSeconds = new Option<double>("--max-rate-seconds") { Description = "Seconds each step of the max-rate search must run clean (0: no search).", DefaultValueFactory = _ => 10 };
        maxRateSeconds.Validators.Add(r =>
        {
            double v = r.GetValueOrDefault<double>();
            if (!(v >= 0 && v <= 600)) r.AddError($"--max-rate-seconds must be between 0 and 600; it is {v}.");
        });
        var inProcess = new Option<bool>("--in-process") { Description = "Simulated slaves behind an in-process virtual NIC instead of a veth pair (no root needed)." };
        var json = new Option<FileInfo?>("--json") { Description = "Write the report as JSON to this file." };
        var priority = new Option<int>("--priority") { Description = "SCHED_FIFO priority of the cyclic thread (0: none; 1..99).", DefaultValueFactory = _ => 0 };
        priority.Validators.Add(r =>
        {
            int p = r.GetValueOrDefault<int>();
            if (p is < 0 or > 99) r.AddError($"--priority must be 0 (none) or 1..99; it is {p}.");
        });
        var command = new Command("ethercat", "Cyclic LRW+FRMW with simulated EtherCAT slaves over a veth pair: round trip, wkc errors, allocations, max rate.")
        {
            slaves, rate, seconds, maxRateSeconds, inProcess, priority, json,
        };
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            bool local = parse.GetValue(inProcess);
            if (!local && !(OperatingSystem.IsLinux() && Environment.IsPrivilegedProcess))
            {
                parse.InvocationConfiguration.Error.WriteLine("bench ethercat: needs root (Linux) to create a network namespace with a veth pair; run as root, or add --in-process to measure over an in-process virtual NIC.");
                return 1;
            }
            EtherCatBenchReport report;
            try
            {
                report = EtherCatBenchmark.Run(new EtherCatBenchmark.Settings(parse.GetValue(slaves), parse.GetValue(rate), parse.GetValue(seconds),
                    parse.GetValue(maxRateSeconds), local, parse.GetValue(priority)), output);
            }
            catch (Exception e) when (e is IOException or Controller.Hardware.Devices.EtherCat.EtherCatException)
            {
                parse.InvocationConfiguration.Error.WriteLine($"bench ethercat: {e.Message}");
                return 1;
            }
            if (parse.GetValue(json) is FileInfo file)
            {
                file.Directory?.Create();
                File.WriteAllText(file.FullName, JsonSerializer.Serialize(report, new JsonSerializerOptions { WriteIndented = true }));
                output.WriteLine($"report written to {file.FullName}");
            }
            return 0;
        });
        return command;
    }
}
