using System.Diagnostics;
using Controller.Hardware.Devices;
using Controller.Hardware.Devices.Dynamixel;
using Controller.Hardware.Protocols.Dynamixel;
using Controller.Hardware.Simulation;
using Controller.Hardware.Simulation.Dynamixel;
using Controller.Pipeline.Messages;
using Controller.Runtime.Configuration;

namespace Controller.Cli.Bench.Suite;

/// <summary>
/// <c>bus.&lt;name&gt;</c>: one Dynamixel bus of the robot through the real driver (<see cref="DynamixelGroupDriver"/>,
/// System.IO.Ports): a full cycle, sync read of every servo's state then sync write of its goal, timed back to back.
/// With <c>port: sim</c> the chain twin answers on a pseudo-terminal (on an independent-joint plant, no wire-time
/// emulation); with a real port the real servos answer, holding the pose they were found in (torque on).
/// </summary>
public sealed class DynamixelBusSuite : IBenchSuite
{
    private const int MaxSamples = 2_000_000;
    private const int WarmUpCycles = 200;
    private readonly BusConfig _bus;

    /// <summary>A suite for <paramref name="bus"/> of the robot's configuration.</summary>
    public DynamixelBusSuite(BusConfig bus) => _bus = bus;

    /// <inheritdoc/>
    public string Name => $"bus.{_bus.Name}";

    /// <inheritdoc/>
    public BenchSuiteResult Run(BenchSuiteContext context, CancellationToken cancellation)
    {
        if (_bus.Type != "dynamixel")
            return BenchSuiteResult.Skip(Name, $"bus type '{_bus.Type}' has no bench all suite yet (only dynamixel and feetech)");

        IndependentJointPlant? plant = null;
        DynamixelChainTwin? twin = null;
        string port = _bus.Port;
        var notes = new List<string>();
        if (_bus.IsSimulated)
        {
            plant = new IndependentJointPlant(_bus.Servos.Count);
            var servos = _bus.Servos.Select((s, joint) => new DynamixelTwinServo((byte)s.Id, DynamixelModels.ByName(s.Model), joint)).ToArray();
            twin = DynamixelChainTwin.StartOnNewPseudoTerminal(plant, servos, new DynamixelTwinOptions { BaudRate = 0, StepPlant = plant.Step });
            port = twin.PortPath;
            notes.Add("twin on a pseudo-terminal without wire-time emulation: the figure is driver + kernel pty + twin, not the wire");
        }
        try
        {
            return Measure(context, port, notes, cancellation) with { Target = _bus.IsSimulated ? $"Dynamixel chain twin on {port}" : $"{port} at {_bus.Baud} baud" };
        }
        finally
        {
            twin?.Dispose();
        }
    }

    private BenchSuiteResult Measure(BenchSuiteContext context, string port, List<string> notes, CancellationToken cancellation)
    {
        var driver = new DynamixelGroupDriver(new DynamixelBusOptions
        {
            Name = _bus.Name,
            PortName = port,
            BaudRate = _bus.Baud,
            Servos = _bus.Servos.Select(s => new DynamixelServoConfig((byte)s.Id, DynamixelModels.ByName(s.Model))).ToArray(),
            OperatingMode = DynamixelOperatingMode.Position,
            ReplyTimeout = TimeSpan.FromMilliseconds(_bus.ReplyTimeoutMs),
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
            notes.Add($"{cycles} cycles of sync read + sync write, {bus.JointCount} servos; driver counters: {driver.Timeouts} timeouts, {driver.ChecksumErrors} checksum errors, {driver.StatusErrors} status errors");
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
