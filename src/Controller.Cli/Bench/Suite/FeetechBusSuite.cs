using Controller.Hardware.Devices;
using Controller.Hardware.Devices.Feetech;
using Controller.Hardware.Protocols.Feetech;
using Controller.Hardware.Simulation;
using Controller.Hardware.Simulation.Feetech;
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
        return JointBusCycleMeasurement.Measure(Name, new JointBus(driver, 0),
            () => $"{driver.Timeouts} timeouts, {driver.ChecksumErrors} checksum errors, {driver.ServoErrors} servo errors",
            context, notes, cancellation);
    }
}
