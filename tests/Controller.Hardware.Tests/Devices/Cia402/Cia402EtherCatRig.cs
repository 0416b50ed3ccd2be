using Controller.Hardware.Devices;
using Controller.Hardware.Devices.Cia402;
using Controller.Hardware.Devices.EtherCat;
using Controller.Hardware.Protocols.Cia402;
using Controller.Hardware.Protocols.EtherCat;
using Controller.Hardware.Simulation;
using Controller.Hardware.Simulation.EtherCat;
using Controller.Hardware.Tests.Simulation.EtherCat;
using Controller.Hardware.Transports.Ethernet;
using Controller.Pipeline.Messages;

namespace Controller.Hardware.Tests.Devices.Cia402;

/// <summary>
/// An EK1100 (real SII) and N simulated CiA 402 drives served on the far end of a transport (a virtual NIC, or a
/// veth pair), a <see cref="Cia402EtherCatDriver"/> and its <see cref="JointBus"/> on the near end. The plant is stepped
/// on the test thread, one millisecond per <see cref="Tick"/>, while the segment's thread is waiting for the next frame.
/// </summary>
internal sealed class Cia402EtherCatRig : IDisposable
{
    public const long PeriodNs = 1_000_000;
    public static readonly Cia402Scaling Scaling = new(incrementsPerMotorRevolution: 131072, gearRatio: 10, ratedTorqueNm: 1.0);
    private readonly IDisposable _server;
    private readonly IDisposable? _masterSide;

    public Cia402EtherCatRig(int drives, Cia402EtherCatOptions? options = null, (IRawFrameTransport Master, IRawFrameTransport Slaves)? transports = null)
    {
        Plant = new IndependentJointPlant(drives, inertiaKgM2: 0.02, dampingNmsPerRad: 0.1);
        for (int i = 0; i < drives; i++)
            Drives.Add(new SimulatedCia402Drive(Plant, i, Scaling, serialNumber: (uint)(i + 1)));
        Segment = new SimulatedSegment([new SimulatedSlave(SimulatedBench.Dump("ek1100-eeprom-dump.bin")), .. Drives.Select(d => d.Slave)]);
        IRawFrameTransport master, slaves;
        if (transports is { } given)
            (master, slaves) = given;
        else
        {
            var pair = VirtualNic.CreatePair();
            (master, slaves) = (pair.A, pair.B);
            _masterSide = pair.A;
        }
        _server = Segment.Serve(slaves);
        var port = new EtherCatPort(master, new MacAddress(0x02_00_00_00_00_01), timeoutNs: 200_000_000);
        var found = EtherCatDiscovery.Discover(port);
        var configs = Enumerable.Range(0, drives).Select(i => new Cia402EtherCatDriveConfig(found[i + 1].StationAddress, Scaling) { FollowingErrorWindowRad = 1.0 }).ToList();
        Driver = Cia402EtherCatDriver.Create("legs", port, master, found, configs,
            (options ?? new Cia402EtherCatOptions()) with { BetweenCycles = Tick, CycleTimeoutNs = 200_000_000 });
        JointBus = new JointBus(Driver, offset: 0);
    }

    public IndependentJointPlant Plant { get; }
    public List<SimulatedCia402Drive> Drives { get; } = [];
    public SimulatedSegment Segment { get; }
    public Cia402EtherCatDriver Driver { get; }
    public JointBus JointBus { get; }
    public JointState State;

    public void Tick() => Plant.Step(PeriodNs / 1e9);

    /// <summary>One loop cycle: read, write (when a writer is given), then a millisecond of plant.</summary>
    public BusStatus Cycle(JointBusWriter? writer, in JointCommand command, out BusStatus writeStatus)
    {
        var read = JointBus.Read(ref State);
        writeStatus = writer?.Write(command) ?? BusStatus.NotActive;
        Tick();
        return read;
    }

    public JointBusWriter Start()
    {
        JointBus.Configure();
        return JointBus.Activate();
    }

    public static JointCommand Command(int joints, ControlMode mode, double value)
    {
        var command = new JointCommand { JointCount = joints, Mode = mode };
        for (int i = 0; i < joints; i++)
        {
            command.Position[i] = mode == ControlMode.Position ? value : 0;
            command.Velocity[i] = mode == ControlMode.Velocity ? value : 0;
            command.Effort[i] = mode == ControlMode.Effort ? value : 0;
        }
        return command;
    }

    public void Dispose()
    {
        _masterSide?.Dispose();
        _server.Dispose();
    }
}
