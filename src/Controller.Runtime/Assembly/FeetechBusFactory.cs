using Controller.Hardware.Devices;
using Controller.Hardware.Devices.Feetech;
using Controller.Hardware.Protocols.Feetech;
using Controller.Hardware.Simulation;
using Controller.Hardware.Simulation.Feetech;
using Controller.Robotics.Model;
using Controller.Runtime.Configuration;
using Controller.Runtime.Simulation;

namespace Controller.Runtime.Assembly;

/// <summary>
/// Builds a Feetech STS3215 bus (<c>type: feetech</c>); for <c>port: sim</c> it first starts a chain twin on the
/// plant, mounted as the bus's LeRobot calibration describes the arm, so the driver's calibrated radians are the
/// plant's joint angles.
/// </summary>
internal static class FeetechBusFactory
{
    public static JointBus Build(BusConfig bus, RobotModel model, ISimulatedPlant? plant, List<IDisposable> owned)
    {
        int offset = model.JointIndex(bus.Servos[0].Joint);
        FeetechMotorCalibration?[] calibrations = FeetechBusRules.CalibrationsOf(bus);
        string port = bus.Port;
        if (bus.IsSimulated)
        {
            if (plant is null)
            {
                throw new InvalidOperationException($"bus '{bus.Name}' has port 'sim' but the configuration has no plant: add a plant: section or name a real port");
            }

            // A factory-fresh servo (homing offset 0, full range) whose horn is where the calibration says: raw step
            // mid + homing_offset at the joint's zero. The driver writes the calibration on Open, as LeRobot does.
            var twinServos = bus.Servos.Select((s, i) => new FeetechTwinServo(
                (byte)s.Id,
                model.JointIndex(s.Joint),
                ActualStepAtZero: calibrations[i] is { } c ? (int)Math.Round(c.CenterStep) + c.HomingOffset : FeetechUnits.CenterStep)).ToArray();
            var twin = FeetechChainTwin.StartOnNewPseudoTerminal(plant, twinServos, new FeetechTwinOptions
            {
                BaudRate = 0,
                // An STS3215 at LeRobot's P_Coefficient 16 holds a 0.1 rad error with roughly a third of its stall torque.
                PositionGainNmPerRad = 8,
                DampingNmsPerRad = 0.3,
                OnThreadStart = () => SimulationThreads.RaisePriority(SimulationThreads.TwinPriority),
            });
            owned.Add(twin);
            port = twin.PortPath;
        }

        var options = new FeetechBusOptions
        {
            Name = bus.Name,
            PortName = port,
            BaudRate = bus.Baud,
            Servos = bus.Servos.Select((s, i) => new FeetechServoConfig((byte)s.Id, calibrations[i])).ToArray(),
            OperatingMode = bus.OperatingMode == "velocity" ? FeetechOperatingMode.Velocity : FeetechOperatingMode.Position,
            ReplyTimeout = TimeSpan.FromMilliseconds(bus.ReplyTimeoutMs),
        };
        IJointBusDriver driver = new FeetechGroupDriver(options);
        var mappings = bus.Servos.Select(s => new JointMapping(s.GearRatio, s.OffsetRad, s.Direction)).ToArray();
        if (mappings.Any(m => !m.IsIdentity))
        {
            driver = new MappedJointBusDriver(driver, mappings);
        }

        return new JointBus(driver, offset);
    }
}
