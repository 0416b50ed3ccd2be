using System.CommandLine;
using System.Diagnostics;
using System.Text.Json;
using Controller.Hardware.Devices;
using Controller.Hardware.Devices.Cia402;
using Controller.Hardware.Protocols.CanOpen;
using Controller.Hardware.Protocols.Cia402;
using Controller.Hardware.Simulation;
using Controller.Hardware.Simulation.Cia402;
using Controller.Hardware.Transports.Can;
using Controller.Pipeline.Messages;
using Controller.Pipeline.Time;

namespace Controller.Cli.Bench;

/// <summary>
/// <c>robotctl bench can [--drives 12] [--seconds N] [--json FILE]</c>: a full CiA 402 cycle for N drives on the
/// virtual CAN bus, through <see cref="Cia402CanDriver"/> against drive twins: per-cycle time (whole cycle and the
/// driver's share), frames and bits per cycle, the bus load that means at 1 Mbit/s, and bytes allocated.
/// </summary>
/// <remarks>
/// Everything runs on one thread with a manual clock advanced 1 ms per cycle (bus time), as fast as it goes
/// (wall time measured). The bus load is an estimate from frame sizes (ISO 11898-1 frame format with worst-case
/// stuffing), not a bit-timing simulation.
/// </remarks>
public static class CanBenchmark
{
    private const long PeriodNs = 1_000_000;
    private static readonly Cia402Scaling Scaling = new(131072, 10, 1.0);

    /// <summary>Builds <c>bench can</c>.</summary>
    public static Command CreateCommand()
    {
        var drives = new Option<int>("--drives") { Description = "CiA 402 drives on the bus (1..127).", DefaultValueFactory = _ => 12 };
        drives.Validators.Add(r =>
        {
            int v = r.GetValueOrDefault<int>();
            if (v is < 1 or > 127) r.AddError($"--drives must be between 1 and 127; it is {v}.");
        });
        var seconds = new Option<double>("--seconds") { Description = "Measured seconds (after a short warm-up).", DefaultValueFactory = _ => 5 };
        seconds.Validators.Add(r =>
        {
            double v = r.GetValueOrDefault<double>();
            if (!(v > 0 && v <= 3600)) r.AddError($"--seconds must be greater than 0 and at most 3600; it is {v}.");
        });
        var json = new Option<FileInfo?>("--json") { Description = "Write the report as JSON to this file." };
        var command = new Command("can", "A full CiA 402 cycle (SYNC, RPDOs, TPDOs) for N drives on the virtual CAN bus through the driver: time, frames, bus load, allocations.")
            { drives, seconds, json };
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var report = Run(parse.GetValue(drives), parse.GetValue(seconds));
            Write(report, output);
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

    /// <summary>Runs the benchmark: configure and enable the drives, warm up, then measure for <paramref name="seconds"/>.</summary>
    public static CanBenchReport Run(int driveCount, double seconds)
    {
        var started = DateTime.UtcNow;
        var clock = new ManualClock(1_000_000_000);
        using var bus = new VirtualCanBus("bench");
        var plant = new IndependentJointPlant(driveCount, inertiaKgM2: 0.02, dampingNmsPerRad: 0.1);
        var master = bus.AddNode("master", receiveCapacity: 1024, transmitCapacity: 256);
        var monitor = bus.AddNode("monitor", receiveCapacity: 4096, transmitCapacity: 16);
        var twins = new Cia402DriveTwin[driveCount];
        for (int i = 0; i < driveCount; i++) twins[i] = new Cia402DriveTwin(bus.AddNode($"drive{i + 1}"), (byte)(i + 1), plant, i, Scaling);

        long bits = 0, frames = 0;
        var byFunction = new long[16];
        void Tick()
        {
            long now = clock.NowNs;
            bus.Deliver(now);
            foreach (var twin in twins) twin.Step(now);
            bus.Deliver(now);
            plant.Step(PeriodNs / 1e9);
            clock.Advance(PeriodNs);
            while (monitor.TryReceive(out var frame))
            {
                if (frame.IsError) continue;
                frames++;
                bits += FrameBits(frame);
                byFunction[(int)CanOpenCobIds.Classify(frame.Id, out _, out _)]++;
            }
        }

        var configs = Enumerable.Range(1, driveCount).Select(n => new Cia402DriveConfig((byte)n, Scaling)).ToList();
        var driver = new Cia402CanDriver("bench", master, configs, clock, new Cia402BusOptions { WhileWaiting = Tick });
        var jointBus = new JointBus(driver, 0);
        jointBus.Configure();
        var writer = jointBus.Activate();
        var command = new JointCommand { JointCount = driveCount, Mode = ControlMode.Position };
        var state = new JointState();

        long deadline = Stopwatch.GetTimestamp() + Stopwatch.Frequency / 5;
        int cycle = 0;
        while (Stopwatch.GetTimestamp() < deadline) RunCycle(cycle++); // warm-up: tiering, caches

        int capacity = (int)Math.Min(20_000_000, Math.Max(10_000, seconds * 500_000));
        var cycleSamples = new LatencySamples(capacity);
        var driverSamples = new LatencySamples(capacity);
        frames = 0;
        bits = 0;
        Array.Clear(byFunction);
        long allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        deadline = Stopwatch.GetTimestamp() + (long)(seconds * Stopwatch.Frequency);
        while (!cycleSamples.IsFull && Stopwatch.GetTimestamp() < deadline)
        {
            long t0 = Stopwatch.GetTimestamp();
            long driverTicks = RunCycle(cycle++);
            long t1 = Stopwatch.GetTimestamp();
            cycleSamples.Add(TicksToNs(t1 - t0));
            driverSamples.Add(TicksToNs(driverTicks));
        }
        long allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        int n = cycleSamples.Count;
        jointBus.Stop();

        double bitsPerCycle = (double)bits / n;
        return new CanBenchReport
        {
            StartedUtc = started,
            Drives = driveCount,
            Cycles = n,
            CycleP50Us = cycleSamples.Percentile(0.50) / 1000.0,
            CycleP99Us = cycleSamples.Percentile(0.99) / 1000.0,
            CycleMaxUs = cycleSamples.Percentile(1.0) / 1000.0,
            DriverP50Us = driverSamples.Percentile(0.50) / 1000.0,
            DriverP99Us = driverSamples.Percentile(0.99) / 1000.0,
            FramesPerCycle = (double)frames / n,
            BitsPerCycle = bitsPerCycle,
            BusTimePerCycleUs = bitsPerCycle, // 1 bit = 1 µs at 1 Mbit/s
            BusLoadPercentAt1Khz = bitsPerCycle / 1000.0 * 100.0,
            AllocatedBytes = allocated,
            FramesPerCycleByFunction = Enumerable.Range(0, byFunction.Length).Where(f => byFunction[f] > 0)
                .ToDictionary(f => ((CanOpenFunction)f).ToString(), f => Math.Round((double)byFunction[f] / n, 3)),
        };

        // Returns the Stopwatch ticks the driver's Read + Write took; the rest of the cycle is the simulated bus.
        long RunCycle(int i)
        {
            double target = 0.2 * Math.Sin(i * 0.002);
            for (int j = 0; j < driveCount; j++) command.Position[j] = target;
            long start = Stopwatch.GetTimestamp();
            jointBus.Read(ref state);
            writer.Write(command);
            long driverTicks = Stopwatch.GetTimestamp() - start;
            Tick();
            return driverTicks;
        }
    }

    /// <summary>
    /// Bits of one frame on the wire (ISO 11898-1 classic format): SOF, arbitration, control, data, CRC, ACK, EOF and
    /// intermission = 47 + 8·n bits with an 11-bit id (67 + 8·n extended), plus worst-case stuffing of the
    /// stuffed part (34 + 8·n or 54 + 8·n bits): one stuff bit per 4 after the first.
    /// </summary>
    public static int FrameBits(in CanFrame frame)
    {
        int dataBits = frame.IsRemote ? 0 : 8 * frame.Length;
        int stuffed = (frame.IsExtended ? 54 : 34) + dataBits;
        return (frame.IsExtended ? 67 : 47) + dataBits + (stuffed - 1) / 4;
    }

    /// <summary>Prints the report as a short table.</summary>
    public static void Write(CanBenchReport r, TextWriter output)
    {
        output.WriteLine($"CiA 402 cycle, {r.Drives} drives on the virtual CAN bus through Cia402CanDriver ({r.Cycles} cycles):");
        output.WriteLine($"  whole cycle   p50 {r.CycleP50Us:F2} µs   p99 {r.CycleP99Us:F2} µs   max {r.CycleMaxUs:F2} µs");
        output.WriteLine($"  driver share  p50 {r.DriverP50Us:F2} µs   p99 {r.DriverP99Us:F2} µs   (Read + Write)");
        output.WriteLine($"  frames/cycle  {r.FramesPerCycle:F2} ({string.Join(", ", r.FramesPerCycleByFunction.Select(kv => $"{kv.Key} {kv.Value:0.###}"))})   bits/cycle {r.BitsPerCycle:F0} (worst-case stuffing)");
        output.WriteLine($"  bus at 1 Mbit/s: {r.BusTimePerCycleUs:F0} µs per cycle, load {r.BusLoadPercentAt1Khz:F1} % at a 1 kHz cycle{(r.BusLoadPercentAt1Khz > 100 ? " (does not fit: use two buses or a longer period)" : "")}");
        output.WriteLine($"  allocated     {r.AllocatedBytes} B over the measured cycles");
    }

    private static long TicksToNs(long ticks) => (long)(ticks * (1_000_000_000.0 / Stopwatch.Frequency));
}
