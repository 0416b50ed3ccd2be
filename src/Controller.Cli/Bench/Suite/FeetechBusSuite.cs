using System.Diagnostics;
using Controller.Hardware.Devices;
using Controller.Hardware.Devices.Feetech;
using Controller.Hardware.Protocols.Feetech;
using Controller.Hardware.Simulation;
using Controller.Hardware.Simulation.Feetech;
using Controller.Pipeline.Messages;
using Controller.Runtime.Configuration;

namespace Controller.Cli.Bench.Suite;

/// <summary>
/// <c>bus.&lt;name&gt;</c> for a <c>type: feetech</c> bus (STS3215, e.g. so101): the real <see cref="FeetechGroupDriver"/>
/// over System.IO.Ports, a full cycle (sync read of every servo's feedback, then sync write of its goal) timed back to
/// back. <c>port: sim</c> → the Feetech chain twin on a pseudo-terminal (independent-joint plant, no wire-time
/// emulation); a real port → the real servos, holding the pose they were found in. The bench runs uncalibrated and
/// does not write the configuration's LeRobot calibration to the servos' EEPROM: it measures, it does not set up.
/// </summary>
public sealed class FeetechBusSuite : IBenchSuite
{
    private const int MaxSamples = 2_000_000;
    private const int WarmUpCycles = 200;
    private readonly BusConfig _bus;

    /// <summary>A suite for <paramref name="bus"/> (a <c>type: feetech</c> bus) of the robot's configuration.</summary>
    public FeetechBusSuite(BusConfig bus) => _bus = bus;

    /// <inheritdoc/>
    public string Name => $"bus.{_bus.Name}";

    /// <inheritdoc/>
    public BenchSuiteResult Run(BenchSuiteContext context, CancellationToken cancellation)
    {
        if (_bus.Type != "feetech")
            return BenchSuiteResult.Skip(Name, $"bus type '{_bus.Type}' is not feetech");

        FeetechChainTwin? twin = null;
        string port = _bus.Port;
        var notes = new List<string>();
        if (_bus.IsSimulated)
        {
            var plant = new IndependentJointPlant(_bus.Servos.Count);
            var servos = _bus.Servos.Select((s, joint) => new FeetechTwinServo((byte)s.Id, joint)).ToArray();
            twin = FeetechChainTwin.StartOnNewPseudoTerminal(plant, servos, new FeetechTwinOptions { BaudRate = 0, StepPlant = plant.Step });
            port = twin.PortPath;
            notes.Add("twin on a pseudo-terminal without wire-time emulation: the figure is driver + kernel pty + twin, not the wire");
        }
        try
        {
            return Measure(context, port, notes, cancellation) with { Target = _bus.IsSimulated ? $"Feetech chain twin on {port}" : $"{port} at {_bus.Baud} baud" };
        }
        finally
        {
            twin?.Dispose();
        }
    }

    private BenchSuiteResult Measure(BenchSuiteContext context, string port, List<string> notes, CancellationToken cancellation)
    {
        var driver = new FeetechGroupDriver(new FeetechBusOptions
        {
            Name = _bus.Name,
            PortName = port,
            BaudRate = _bus.Baud,
            Servos = _bus.Servos.Select(s => new FeetechServoConfig((byte)s.Id)).ToArray(),
            OperatingMode = FeetechOperatingMode.Position,
            ReplyTimeout = TimeSpan.FromMilliseconds(_bus.ReplyTimeoutMs),
            WriteCalibration = false,
        });
        var bus = new JointBus(driver, 0);
        bus.Configure();
        try
        {
            var state = new JointState { JointCount = bus.JointCount };
            for (int i = 0; i < WarmUpCycles; i++) bus.Read(ref state);
            if (bus.State == DeviceState.Faulted) bus.Recover();
            var writer = bus.Activate();
            // Hold the pose the servos were found in: the bench must not move a real arm.
            var command = new JointCommand { JointCount = bus.JointCount, Mode = ControlMode.Position };
            for (int j = 0; j < bus.JointCount; j++) command.Position[j] = state.Position[j];
            for (int i = 0; i < WarmUpCycles; i++) Cycle(bus, writer, ref state, in command);

            var samples = new LatencySamples(MaxSamples);
            long faults = 0;
            long end = Stopwatch.GetTimestamp() + (long)(context.Seconds * Stopwatch.Frequency);
            long allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
            while (!samples.IsFull && !cancellation.IsCancellationRequested)
            {
                long start = Stopwatch.GetTimestamp();
                if (Cycle(bus, writer, ref state, in command) != BusStatus.Ok) faults++;
                long stop = Stopwatch.GetTimestamp();
                samples.Add((stop - start) * 1_000_000_000 / Stopwatch.Frequency);
                if (stop >= end) break;
            }
            long allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
            int cycles = samples.Count;
            var points = SampleDistribution.Of(samples, 1000);
            notes.Add($"{cycles} cycles of sync read + sync write, {bus.JointCount} servos; driver counters: {driver.Timeouts} timeouts, {driver.ChecksumErrors} checksum errors, {driver.ServoErrors} servo errors");
            return new BenchSuiteResult
            {
                Name = Name,
                Figures =
                [
                    BenchFigure.Latency("cycle_p50_us", SampleDistribution.At(points, 50)),
                    BenchFigure.Latency("cycle_p99_us", SampleDistribution.At(points, 99), percentiles: points),
                    BenchFigure.Latency("cycle_max_us", SampleDistribution.At(points, 100), gated: false),
                    BenchFigure.Count("faulted_cycles", faults),
                    BenchFigure.Allocation("allocated_bytes_per_cycle", cycles == 0 ? null : (double)allocated / cycles),
                ],
                Notes = notes,
            };
        }
        finally
        {
            bus.Stop();
        }
    }

    private static BusStatus Cycle(JointBus bus, JointBusWriter writer, ref JointState state, in JointCommand command)
    {
        BusStatus read = bus.Read(ref state);
        BusStatus write = writer.Write(in command);
        return read != BusStatus.Ok ? read : write;
    }
}
