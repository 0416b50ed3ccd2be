using Controller.Hardware.Devices;
using Controller.Hardware.Devices.Cia402;
using Controller.Hardware.Protocols.Cia402;
using Controller.Hardware.Simulation;
using Controller.Hardware.Simulation.Cia402;
using Controller.Hardware.Transports.Can;
using Controller.Pipeline.Messages;
using Controller.Pipeline.Time;

namespace Controller.Hardware.Tests.Devices.Cia402;

/// <summary>
/// A driver and N drive twins on one virtual bus, all stepped on the test thread with a manual clock: one
/// <see cref="Tick"/> is one millisecond of bus, twins and plant.
/// </summary>
internal sealed class Cia402Rig : IDisposable
{
    public const long PeriodNs = 1_000_000;
    public static readonly Cia402Scaling Scaling = new(incrementsPerMotorRevolution: 131072, gearRatio: 10, ratedTorqueNm: 1.0);

    public Cia402Rig(int drives, Cia402BusOptions? options = null, Action<Cia402Rig>? beforeDriver = null)
    {
        Plant = new IndependentJointPlant(drives, inertiaKgM2: 0.02, dampingNmsPerRad: 0.1);
        MasterNode = Bus.AddNode("master", receiveCapacity: 1024, transmitCapacity: 256);
        for (int i = 0; i < drives; i++)
        {
            var node = Bus.AddNode($"drive{i + 1}");
            DriveNodes.Add(node);
            Twins.Add(new Cia402DriveTwin(node, (byte)(i + 1), Plant, i, Scaling));
        }
        beforeDriver?.Invoke(this);
        var configs = Enumerable.Range(0, drives).Select(i => new Cia402DriveConfig((byte)(i + 1), Scaling) { FollowingErrorWindowRad = 1.0 }).ToList();
        Driver = new Cia402CanDriver("arm", MasterNode, configs, Clock, (options ?? new Cia402BusOptions()) with { WhileWaiting = Tick });
        JointBus = new JointBus(Driver, offset: 0);
    }

    public ManualClock Clock { get; } = new(1_000_000_000);
    public VirtualCanBus Bus { get; } = new();
    public IndependentJointPlant Plant { get; }
    public VirtualCanNode MasterNode { get; }
    public List<VirtualCanNode> DriveNodes { get; } = [];
    public List<Cia402DriveTwin> Twins { get; } = [];
    public Cia402CanDriver Driver { get; }
    public JointBus JointBus { get; }
    public JointState State;

    public void Tick()
    {
        long now = Clock.NowNs;
        Bus.Deliver(now);
        foreach (var twin in Twins) twin.Step(now);
        Bus.Deliver(now);
        Plant.Step(PeriodNs / 1e9);
        Clock.Advance(PeriodNs);
    }

    /// <summary>One loop cycle: read, write (when a writer is given), then a millisecond of bus and plant.</summary>
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

    public static JointCommand PositionCommand(int joints, double positionRad)
    {
        var command = new JointCommand { JointCount = joints, Mode = ControlMode.Position };
        for (int i = 0; i < joints; i++) command.Position[i] = positionRad;
        return command;
    }

    public void Dispose() => Bus.Dispose();
}
