using Controller.Hardware.Devices;
using Controller.Hardware.Devices.Cia402;
using Controller.Hardware.Devices.EtherCat;
using Controller.Hardware.Protocols.EtherCat;
using Controller.Hardware.Simulation;
using Controller.Hardware.Simulation.EtherCat;
using Controller.Hardware.Transports.Ethernet;
using Controller.Robotics.Model;
using Controller.Runtime.Configuration;
using Controller.Runtime.Simulation;

namespace Controller.Runtime.Assembly;

/// <summary>
/// Builds a <c>type: cia402-ethercat</c> bus: the segment on a raw socket of the named interface (root or
/// CAP_NET_RAW), or — for <c>interface: sim</c> — <see cref="SimulatedCia402Drive"/> slaves on a
/// <see cref="SimulatedSegment"/> served behind an in-process <see cref="VirtualNic"/> pair (no root needed). Either
/// way the master discovers the segment and each drive entry names its slave by position on the wire.
/// </summary>
internal static class EtherCatBusFactory
{
    /// <summary>The master's source MAC (locally administered; EtherCAT slaves do not care, switches never see it).</summary>
    private static readonly MacAddress MasterMac = new(0x02_00_00_00_00_01);

    public static JointBus Build(BusConfig bus, RobotModel model, ISimulatedPlant? plant, List<IDisposable> owned)
    {
        int offset = model.JointIndex(bus.Servos[0].Joint);
        IRawFrameTransport transport;
        if (bus.IsSimulated)
        {
            if (plant is null)
            {
                throw new InvalidOperationException($"bus '{bus.Name}' has interface 'sim' but the configuration has no plant: add a plant: section or name a real interface");
            }

            var positions = bus.Servos.Select(s => s.Id).Order().ToArray();
            if (!positions.SequenceEqual(Enumerable.Range(0, positions.Length)))
            {
                throw new InvalidOperationException($"bus '{bus.Name}': a simulated segment holds only the listed drives, so their slave positions must be 0..{positions.Length - 1}; got {string.Join(", ", positions)}");
            }

            var slaves = bus.Servos.OrderBy(s => s.Id)
                .Select(s => new SimulatedCia402Drive(plant, model.JointIndex(s.Joint), CanBusFactory.ScalingOf(s), serialNumber: (uint)(s.Id + 1), CanBusFactory.SimulatedDriveServo).Slave);
            var segment = new SimulatedSegment(slaves);
            var (master, far) = VirtualNic.CreatePair();
            owned.Add(far);
            owned.Add(segment.Serve(far, () => SimulationThreads.RaisePriority(SimulationThreads.TwinPriority)));
            owned.Add(master);
            transport = master;
        }
        else
        {
            transport = RawEthernetSocket.Open(bus.Port);
            owned.Add(transport);
        }

        var port = new EtherCatPort(transport, MasterMac);
        IReadOnlyList<DiscoveredSlave> found = EtherCatDiscovery.Discover(port);
        foreach (ServoConfig s in bus.Servos.Where(s => s.Id >= found.Count))
        {
            throw new InvalidOperationException($"bus '{bus.Name}': joint '{s.Joint}' names slave position {s.Id}, but '{bus.Port}' has {found.Count} slave(s) (0..{found.Count - 1}); run `robotctl ethercat slaves --if {bus.Port}`");
        }

        var drives = bus.Servos.Select(s => new Cia402EtherCatDriveConfig(found[s.Id].StationAddress, CanBusFactory.ScalingOf(s))).ToArray();
        var options = new Cia402EtherCatOptions
        {
            FaultReaction = bus.FaultReaction == "disable" ? EtherCatFaultReaction.Disable : EtherCatFaultReaction.Hold,
            // A real segment: 1 ms (the frame's wire time is ~0.14 ms) and 3 missed cycles. The simulated segment answers
            // from a thread of this process, which a loaded host may hold up: its wire time plus the twins' scheduling
            // allowance (TwinTiming), and a longer run of late frames counted as timeouts before the drives are lost.
            MaxMissedCycles = bus.IsSimulated ? CanBusFactory.SimulatedMaxMissedCycles : 3,
            CycleTimeoutNs = bus.IsSimulated ? TwinTiming.EtherCatFrameWireNs(found.Count) + TwinTiming.InProcessAllowanceNs : 1_000_000,
        };
        IJointBusDriver driver = Cia402EtherCatDriver.Create(bus.Name, port, transport, found, drives, options);
        var mappings = bus.Servos.Select(s => new JointMapping(1, s.OffsetRad, s.Direction)).ToArray();
        if (mappings.Any(m => !m.IsIdentity))
        {
            driver = new MappedJointBusDriver(driver, mappings);
        }

        return new JointBus(driver, offset);
    }
}
