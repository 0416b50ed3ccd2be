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

    /// <summary>True time per frame with <c>steppedTime</c> (what DC start-up and drift compensation see between frames).</summary>
    public const long FrameStepNs = 20_000;
    private readonly bool _stepped;
    private long _nowNs = 1_000_000_000;
    private long _gridNs = 1_000_000_000;

    /// <param name="drives">Simulated drives behind the EK1100.</param>
    /// <param name="options">Driver options (the rig sets the between-cycles hook and a generous cycle timeout).</param>
    /// <param name="transports">Master and slave ends (default an in-process virtual NIC pair).</param>
    /// <param name="steppedTime">
    /// The segment's true time is stepped rather than the host clock: each frame adds <see cref="FrameStepNs"/>, each
    /// <see cref="Tick"/> moves it to the next loop deadline (shifted by the driver's DC pacing when there is one), so DC
    /// figures are deterministic and a cycle is exactly one period of true time.
    /// </param>
    public Cia402EtherCatRig(int drives, Cia402EtherCatOptions? options = null, (IRawFrameTransport Master, IRawFrameTransport Slaves)? transports = null,
        bool steppedTime = false)
    {
        _stepped = steppedTime;
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
        if (steppedTime)
            Segment.TimeNs = () => Interlocked.Add(ref _nowNs, FrameStepNs);
        _server = Segment.Serve(slaves);
        var port = new EtherCatPort(master, new MacAddress(0x02_00_00_00_00_01), timeoutNs: 200_000_000);
        Port = port;
        MasterTransport = master;
        var found = EtherCatDiscovery.Discover(port);
        var configs = Enumerable.Range(0, drives).Select(i => new Cia402EtherCatDriveConfig(found[i + 1].StationAddress, Scaling) { FollowingErrorWindowRad = 1.0 }).ToList();
        Driver = Cia402EtherCatDriver.Create("legs", port, master, found, configs,
            (options ?? new Cia402EtherCatOptions()) with { BetweenCycles = Tick, CycleTimeoutNs = 200_000_000 });
        JointBus = new JointBus(Driver, offset: 0);
    }

    public IndependentJointPlant Plant { get; }
    public EtherCatPort Port { get; }
    public IRawFrameTransport MasterTransport { get; }
    public List<SimulatedCia402Drive> Drives { get; } = [];
    public SimulatedSegment Segment { get; }
    public Cia402EtherCatDriver Driver { get; }
    public JointBus JointBus { get; }
    public JointState State;

    /// <summary>The segment's true time now, ns (stepped time only).</summary>
    public long TrueTimeNs => Interlocked.Read(ref _nowNs);

    public void Tick()
    {
        Plant.Step(PeriodNs / 1e9);
        if (!_stepped)
            return;
        // The loop's next deadline, moved by the DC pacing as DcLockedPacer moves it; never back in time (start-up frames
        // may have run past the grid: it is then re-based there).
        _gridNs += PeriodNs;
        long target = Driver?.Pacing?.ShiftDeadlineNs(_gridNs) ?? _gridNs;
        long now = TrueTimeNs;
        if (target < now)
        {
            _gridNs += now - target;
            target = now;
        }
        Interlocked.Exchange(ref _nowNs, target);
    }

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
