using System.Runtime.CompilerServices;
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
/// way the master discovers the segment and each drive entry names its slave by position on the wire. With
/// <c>distributed_clocks</c> the group sets up DC and SYNC0 and every drive goes to DC SYNC0 mode; the driver's
/// <see cref="Cia402EtherCatDriver.Pacing"/> then phase-locks the loop (<c>loop.pacing: dc</c>, see <see cref="LoopPacerFactory"/>).
/// </summary>
internal static class EtherCatBusFactory
{
    /// <summary>The EtherCAT driver behind each bus this factory built (the bus may wrap it in a joint mapping).</summary>
    private static readonly ConditionalWeakTable<JointBus, Cia402EtherCatDriver> Drivers = new();
    /// <summary>The master's source MAC (locally administered; EtherCAT slaves do not care, switches never see it).</summary>
    private static readonly MacAddress MasterMac = new(0x02_00_00_00_00_01);

    /// <summary>SYNC0 pulses a simulated drive may see without a frame before it reports a sync error (1 s at 1 kHz).</summary>
    private const int SimulatedSyncErrorLimit = 1000;

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

            // In DC mode a simulated drive counts the SYNC0 pulses between two frames, on the host's clock: a loaded host that
            // deschedules the loop or the segment's thread for tens of milliseconds must show as counted missed frames
            // (0x1C32:0B), not as a fatal sync error after three. A second without a frame still is one.
            var slaves = bus.Servos.OrderBy(s => s.Id)
                .Select(s => new SimulatedCia402Drive(plant, model.JointIndex(s.Joint), CanBusFactory.ScalingOf(s), serialNumber: (uint)(s.Id + 1), CanBusFactory.SimulatedDriveServo)
                {
                    SyncErrorLimit = SimulatedSyncErrorLimit,
                }.Slave);
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

        // Acyclic exchanges (discovery, SDOs, DC start-up) on a simulated segment wait for its thread: on a loaded host a
        // quarter of a second is not unusual, so give it two seconds (4 tries of 500 ms) rather than a real wire's 200 ms.
        var port = bus.IsSimulated ? new EtherCatPort(transport, MasterMac, timeoutNs: 500_000_000) : new EtherCatPort(transport, MasterMac);
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
            DistributedClocks = DcOptions(bus),
        };
        var ethercat = Cia402EtherCatDriver.Create(bus.Name, port, transport, found, drives, options);
        IJointBusDriver driver = ethercat;
        var mappings = bus.Servos.Select(s => new JointMapping(1, s.OffsetRad, s.Direction)).ToArray();
        if (mappings.Any(m => !m.IsIdentity))
        {
            driver = new MappedJointBusDriver(driver, mappings);
        }

        var jointBus = new JointBus(driver, offset);
        Drivers.Add(jointBus, ethercat);
        return jointBus;
    }

    /// <summary>The CiA 402 EtherCAT driver behind <paramref name="bus"/>, or null when this factory did not build it.</summary>
    public static Cia402EtherCatDriver? DriverOf(JointBus bus) => Drivers.TryGetValue(bus, out var driver) ? driver : null;

    /// <summary>The group's DC options from <c>distributed_clocks</c> (the loader has resolved <c>sync0_cycle: loop</c>); null when off.</summary>
    private static EtherCatDcOptions? DcOptions(BusConfig bus) => bus.DistributedClocks is { Enabled: true } dc
        ? new EtherCatDcOptions
        {
            CycleTimeNs = dc.Sync0CycleNs ?? throw new InvalidOperationException($"bus '{bus.Name}': distributed_clocks.sync0_cycle is unresolved (load the configuration with RobotConfigLoader)"),
            Sync0ShiftNs = dc.Sync0ShiftNs,
            Sync0StartDelayNs = dc.Sync0StartDelayNs,
            DriftCompensationFrames = dc.DriftCompensationFrames,
        }
        : null;
}
