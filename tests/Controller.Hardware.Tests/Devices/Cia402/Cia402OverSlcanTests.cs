using System.Diagnostics;
using Controller.Hardware.Devices;
using Controller.Hardware.Devices.Cia402;
using Controller.Hardware.Protocols.Cia402;
using Controller.Hardware.Protocols.Slcan;
using Controller.Hardware.Simulation;
using Controller.Hardware.Simulation.Cia402;
using Controller.Hardware.Simulation.Slcan;
using Controller.Hardware.Tests.Transports.Can;
using Controller.Hardware.Transports.Can;
using Controller.Pipeline.Messages;
using Controller.Pipeline.Time;

namespace Controller.Hardware.Tests.Devices.Cia402;

/// <summary>
/// The whole chain a USB-CAN adapter gives: driver → SlcanChannel → ASCII on a byte stream → adapter twin → virtual
/// bus → drive twins, and back. The stream is an in-memory pipe here; the integrator runs the same over a pty.
/// </summary>
public sealed class Cia402OverSlcanTests : IDisposable
{
    private readonly ManualClock _clock = new(1_000_000_000);
    private readonly VirtualCanBus _bus = new();
    private readonly VirtualCanNode _adapterNode;
    private readonly IndependentJointPlant _plant = new(2, inertiaKgM2: 0.02, dampingNmsPerRad: 0.1);
    private readonly List<Cia402DriveTwin> _twins = [];
    private readonly SlcanAdapterTwin _adapter;
    private readonly SlcanChannel _channel;

    public Cia402OverSlcanTests()
    {
        _adapterNode = _bus.AddNode("adapter", receiveCapacity: 1024, transmitCapacity: 256);
        for (int i = 0; i < 2; i++) _twins.Add(new Cia402DriveTwin(_bus.AddNode($"drive{i + 1}"), (byte)(i + 1), _plant, i, Cia402Rig.Scaling));
        var (host, device) = InMemoryDuplexStream.CreatePair();
        _adapter = new SlcanAdapterTwin(device, _adapterNode, SlcanDialect.Lawicel);
        _channel = new SlcanChannel("pipe", host, _clock, new SlcanOptions { Dialect = SlcanDialect.Lawicel });
        _channel.Open(1_000_000);
    }

    /// <summary>Waits (real time, bounded) until every frame has crossed the adapter in both directions.</summary>
    private void Settle()
    {
        var watch = Stopwatch.StartNew();
        while (watch.ElapsedMilliseconds < 2000
               && (_adapterNode.Counters.FramesSent != _channel.Counters.FramesSent
                   || _channel.Counters.FramesReceived != _adapterNode.Counters.FramesReceived))
        {
            Thread.Sleep(1);
        }
    }

    private void Tick()
    {
        Settle();
        long now = _clock.NowNs;
        _bus.Deliver(now);
        foreach (var twin in _twins) twin.Step(now);
        _bus.Deliver(now);
        Settle();
        _plant.Step(0.001);
        _clock.Advance(1_000_000);
    }

    [Fact]
    public void Driver_ThroughSlcanAdapter_ConfiguresEnablesAndFollows()
    {
        var drives = new[] { new Cia402DriveConfig(1, Cia402Rig.Scaling), new Cia402DriveConfig(2, Cia402Rig.Scaling) };
        var driver = new Cia402CanDriver("slcan-arm", _channel, drives, _clock, new Cia402BusOptions { WhileWaiting = Tick });
        var bus = new JointBus(driver, 0);
        bus.Configure();
        var writer = bus.Activate();
        Assert.All(_twins, t => Assert.Equal(Cia402State.OperationEnabled, t.StateMachine.State));
        var command = Cia402Rig.PositionCommand(2, 0.3);
        var state = new JointState();
        for (int i = 0; i < 500; i++)
        {
            Assert.Equal(BusStatus.Ok, bus.Read(ref state));
            Assert.Equal(BusStatus.Ok, writer.Write(command));
            Tick();
        }
        Assert.InRange(state.Position[0], 0.28, 0.32);
        Assert.InRange(state.Position[1], 0.28, 0.32);
        Assert.True(_channel.TransmitAcks > 0); // Lawicel acknowledges every t line
        Assert.Equal(0, _channel.Counters.MalformedInput);
    }

    public void Dispose()
    {
        _channel.Dispose();
        _adapter.Dispose();
        _bus.Dispose();
    }
}
