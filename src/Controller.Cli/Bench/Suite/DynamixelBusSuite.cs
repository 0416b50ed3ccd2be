using Controller.Hardware.Devices;
using Controller.Hardware.Devices.Dynamixel;
using Controller.Hardware.Protocols.Dynamixel;
using Controller.Hardware.Simulation;
using Controller.Hardware.Simulation.Dynamixel;
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
        return JointBusCycleMeasurement.Measure(Name, new JointBus(driver, 0),
            () => $"{driver.Timeouts} timeouts, {driver.ChecksumErrors} checksum errors, {driver.StatusErrors} status errors",
            context, notes, cancellation);
    }
}
