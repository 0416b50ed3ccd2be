using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Controller.Hardware.Devices;
using Controller.Hardware.Devices.Dynamixel;
using Controller.Hardware.Devices.Feetech;
using Controller.Hardware.Protocols.Dynamixel;
using Controller.Hardware.Protocols.Feetech;
using Controller.Hardware.Simulation;
using Controller.Hardware.Simulation.Dynamixel;
using Controller.Hardware.Simulation.Feetech;
using Controller.Pipeline.Messages;

namespace Controller.Cli.Bench;

/// <summary>
/// <c>robotctl bench serial</c>: the full cycle of a servo group driver (ONE sync read of the feedback block + ONE
/// sync write of goal positions) through a real <c>SerialPort</c> on a pseudo-terminal, against the protocol's chain
/// twin holding each reply back by its wire time at the chosen baud rate. Reports cycle percentiles beside the
/// wire-time floor (bytes × 10 bits / baud) and the bytes the cycle allocated.
/// </summary>
public static class SerialBenchmark
{
    /// <summary>Builds the <c>serial</c> subcommand of <c>bench</c>.</summary>
    public static Command CreateCommand()
    {
        var protocol = new Option<string>("--protocol") { Description = "dynamixel (Protocol 2.0, XM430-W350) or feetech (STS3215).", DefaultValueFactory = _ => "dynamixel" };
        protocol.AcceptOnlyFromAmong("dynamixel", "feetech");
        var baud = new Option<int>("--baud") { Description = "Line speed the twin emulates (Dynamixel up to 4500000, STS3215 up to 1000000).", DefaultValueFactory = _ => 1_000_000 };
        baud.Validators.Add(r =>
        {
            int v = r.GetValueOrDefault<int>();
            if (v is < 9600 or > 4_500_000) r.AddError($"--baud must be between 9600 and 4500000; it is {v}.");
        });
        var servos = new Option<int>("--servos") { Description = "Servos on the chain (1 to 32).", DefaultValueFactory = _ => 6 };
        servos.Validators.Add(r =>
        {
            int v = r.GetValueOrDefault<int>();
            if (v is < 1 or > 32) r.AddError($"--servos must be between 1 and 32; it is {v}.");
        });
        var seconds = new Option<double>("--seconds") { Description = "Measuring time.", DefaultValueFactory = _ => 5 };
        seconds.Validators.Add(r =>
        {
            double v = r.GetValueOrDefault<double>();
            if (!(v > 0 && v <= 3600)) r.AddError($"--seconds must be greater than 0 and at most 3600; it is {v}.");
        });
        var json = new Option<FileInfo?>("--json") { Description = "Write the report as JSON to this file." };
        var command = new Command("serial", "Full servo-bus cycle (sync write + sync read of N servos) over a pty against a twin, beside the wire-time floor.")
        {
            protocol, baud, servos, seconds, json,
        };
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            string name = parse.GetValue(protocol)!;
            int rate = parse.GetValue(baud);
            if (name == "feetech" && rate > 1_000_000)
            {
                parse.InvocationConfiguration.Error.WriteLine($"bench serial: --baud {rate} is above the STS3215's fastest rate; use 1000000 or less with --protocol feetech.");
                return 1;
            }

            SerialBenchReport report;
            try
            {
                report = Run(name, rate, parse.GetValue(servos), parse.GetValue(seconds));
            }
            catch (Exception e) when (e is IOException or PlatformNotSupportedException)
            {
                parse.InvocationConfiguration.Error.WriteLine($"bench serial: {e.Message}");
                return 1;
            }

            WriteTable(report, output);
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

    /// <summary>Measures <paramref name="seconds"/> of cycles (after a 0.2 s warm-up, or a tenth of the time if shorter).</summary>
    public static SerialBenchReport Run(string protocol, int baudRate, int servoCount, double seconds)
    {
        var plant = new IndependentJointPlant(servoCount);
        byte[] ids = Enumerable.Range(1, servoCount).Select(i => (byte)i).ToArray();
        IDisposable twin;
        IJointBusDriver driver;
        int bytesPerCycle;
        if (protocol == "feetech")
        {
            var chain = FeetechChainTwin.StartOnNewPseudoTerminal(plant, ids.Select((id, j) => new FeetechTwinServo(id, j)).ToArray(), new FeetechTwinOptions { BaudRate = baudRate, StepPlant = plant.Step });
            twin = chain;
            driver = new FeetechGroupDriver(new FeetechBusOptions
            {
                Name = "bench", PortName = chain.PortPath, BaudRate = baudRate, ReplyTimeout = TimeSpan.FromMilliseconds(100),
                Servos = ids.Select(id => new FeetechServoConfig(id)).ToArray(),
            });
            bytesPerCycle = FeetechBytesPerCycle(ids);
        }
        else
        {
            var chain = DynamixelChainTwin.StartOnNewPseudoTerminal(plant, ids.Select((id, j) => new DynamixelTwinServo(id, DynamixelModels.XM430W350, j)).ToArray(), new DynamixelTwinOptions { BaudRate = baudRate, StepPlant = plant.Step });
            twin = chain;
            driver = new DynamixelGroupDriver(new DynamixelBusOptions
            {
                Name = "bench", PortName = chain.PortPath, BaudRate = baudRate, ReplyTimeout = TimeSpan.FromMilliseconds(100),
                Servos = ids.Select(id => new DynamixelServoConfig(id, DynamixelModels.XM430W350)).ToArray(),
            });
            bytesPerCycle = DynamixelBytesPerCycle(ids);
        }

        using (twin)
        {
            var bus = new JointBus(driver, 0);
            bus.Configure();
            try
            {
                var writer = bus.Activate();
                var command = new JointCommand { JointCount = servoCount, Mode = ControlMode.Hold };
                var state = new JointState();
                Measure(bus, writer, command, ref state, Math.Min(0.2, seconds / 10), null, out _, out _);
                var samples = new LatencySamples((int)Math.Min(20_000_000, seconds * 200_000) + 16);
                long allocated = Measure(bus, writer, command, ref state, seconds, samples, out long cycles, out long failed);
                double floorUs = bytesPerCycle * 10.0 * 1e6 / baudRate;
                double p50 = samples.Percentile(0.5) / 1000.0, p99 = samples.Percentile(0.99) / 1000.0, max = samples.Percentile(1.0) / 1000.0;
                return new SerialBenchReport(protocol, baudRate, servoCount, cycles, failed, p50, p99, max, bytesPerCycle, floorUs, p50 / floorUs, allocated);
            }
            finally
            {
                bus.Stop();
            }
        }
    }

    /// <summary>Runs cycles for <paramref name="seconds"/>; returns the bytes this thread allocated meanwhile.</summary>
    private static long Measure(JointBus bus, JointBusWriter writer, JointCommand command, ref JointState state, double seconds, LatencySamples? samples, out long cycles, out long failed)
    {
        cycles = failed = 0;
        long end = Stopwatch.GetTimestamp() + (long)(seconds * Stopwatch.Frequency);
        long before = GC.GetAllocatedBytesForCurrentThread();
        while (Stopwatch.GetTimestamp() < end)
        {
            long t0 = Stopwatch.GetTimestamp();
            if (bus.Read(ref state) != BusStatus.Ok) failed++;
            writer.Write(command);
            long t1 = Stopwatch.GetTimestamp();
            samples?.Add((long)((t1 - t0) * (1e9 / Stopwatch.Frequency)));
            cycles++;
        }
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }

    /// <summary>Sync read of the 10-byte feedback block, one 21-byte status per servo, sync write of 4-byte goal positions.</summary>
    private static int DynamixelBytesPerCycle(byte[] ids)
    {
        var buffer = new byte[1024];
        int read = DynamixelInstructions.SyncRead(buffer, XSeriesControlTable.FeedbackBlock.Address, XSeriesControlTable.FeedbackBlock.Size, ids);
        int status = DynamixelInstructions.Status(buffer, 1, 0, new byte[XSeriesControlTable.FeedbackBlock.Size]);
        int write = DynamixelInstructions.SyncWrite(buffer, XSeriesControlTable.GoalPosition.Address, 4, ids, new byte[ids.Length * 4]);
        return read + ids.Length * status + write;
    }

    /// <summary>Sync read of the 6-byte feedback block, one 12-byte status per servo, sync write of 2-byte goal positions.</summary>
    private static int FeetechBytesPerCycle(byte[] ids)
    {
        var buffer = new byte[1024];
        int read = FeetechInstructions.SyncRead(buffer, StsControlTable.FeedbackBlock.Address, StsControlTable.FeedbackBlock.Size, ids);
        int status = FeetechInstructions.Status(buffer, 1, FeetechStatusErrors.None, new byte[StsControlTable.FeedbackBlock.Size]);
        int write = FeetechInstructions.SyncWrite(buffer, StsControlTable.GoalPosition.Address, 2, ids, new byte[ids.Length * 2]);
        return read + ids.Length * status + write;
    }

    private static void WriteTable(SerialBenchReport r, TextWriter output)
    {
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"bench serial: {r.Protocol}, {r.Servos} servos, {r.BaudRate} baud, {r.Cycles} cycles ({r.FailedCycles} not Ok)"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"cycle µs: p50 {r.CycleP50Us:F1}  p99 {r.CycleP99Us:F1}  max {r.CycleMaxUs:F1}"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"wire floor: {r.BytesPerCycle} bytes × 10 bits / {r.BaudRate} baud = {r.WireFloorUs:F1} µs; p50 / floor = {r.RatioP50ToFloor:F2}"));
        output.WriteLine($"allocated during the measured cycles: {r.AllocatedBytes} bytes");
    }
}
