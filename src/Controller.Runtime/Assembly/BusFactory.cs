using Controller.Hardware.Devices;
using Controller.Hardware.Devices.Dynamixel;
using Controller.Hardware.Protocols.Dynamixel;
using Controller.Hardware.Simulation;
using Controller.Hardware.Simulation.Dynamixel;
using Controller.Robotics.Model;
using Controller.Runtime.Configuration;
using Controller.Runtime.Simulation;

namespace Controller.Runtime.Assembly;

/// <summary>Builds the joint buses of a configuration; for <c>port: sim</c> it first starts the bus's twin on the plant.</summary>
internal static class BusFactory
{
    public static JointBus Build(BusConfig bus, RobotModel model, ISimulatedPlant? plant, List<IDisposable> owned)
    {
        if (bus.Type == "feetech")
        {
            return FeetechBusFactory.Build(bus, model, plant, owned);
        }

        if (bus.IsCan)
        {
            return CanBusFactory.Build(bus, model, plant, owned);
        }

        if (bus.IsEtherCat)
        {
            return EtherCatBusFactory.Build(bus, model, plant, owned);
        }

        int offset = model.JointIndex(bus.Servos[0].Joint);
        string port = bus.Port;
        if (bus.IsSimulated)
        {
            if (plant is null)
            {
                throw new InvalidOperationException($"bus '{bus.Name}' has port 'sim' but the configuration has no plant: add a plant: section or name a real port");
            }

            var twinServos = bus.Servos.Select(s => new DynamixelTwinServo((byte)s.Id, DynamixelModels.ByName(s.Model), model.JointIndex(s.Joint))).ToArray();
            // No wire-time emulation here: the twin would spin for it, a core's worth on a small machine that must also
            // run the loop and the physics. `robotctl sim dynamixel --baud` emulates it for protocol timing work.
            var twin = DynamixelChainTwin.StartOnNewPseudoTerminal(plant, twinServos, new DynamixelTwinOptions
            {
                BaudRate = 0,
                PositionGainNmPerRad = 150, // an XM430 at its default P gain 800 is about this stiff (≈ 0.26 N·m per 0.0015 rad tick)
                DampingNmsPerRad = 2.5,
                OnThreadStart = () => SimulationThreads.RaisePriority(SimulationThreads.TwinPriority),
            });
            owned.Add(twin);
            port = twin.PortPath;
        }

        var options = new DynamixelBusOptions
        {
            Name = bus.Name,
            PortName = port,
            BaudRate = bus.Baud,
            Servos = bus.Servos.Select(s => new DynamixelServoConfig((byte)s.Id, DynamixelModels.ByName(s.Model))).ToArray(),
            OperatingMode = bus.OperatingMode switch
            {
                "current" => DynamixelOperatingMode.Current,
                "velocity" => DynamixelOperatingMode.Velocity,
                "extended_position" => DynamixelOperatingMode.ExtendedPosition,
                "current_position" => DynamixelOperatingMode.CurrentBasedPosition,
                _ => DynamixelOperatingMode.Position,
            },
            ReplyTimeout = TimeSpan.FromMilliseconds(bus.ReplyTimeoutMs),
        };
        IJointBusDriver driver = new DynamixelGroupDriver(options);
        var mappings = bus.Servos.Select(s => new JointMapping(s.GearRatio, s.OffsetRad, s.Direction)).ToArray();
        if (mappings.Any(m => !m.IsIdentity))
        {
            driver = new MappedJointBusDriver(driver, mappings);
        }

        return new JointBus(driver, offset);
    }
}
