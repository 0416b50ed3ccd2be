using Controller.Hardware.Protocols.CanOpen;
using Controller.Hardware.Protocols.Cia402;
using Controller.Hardware.Simulation;
using Controller.Hardware.Simulation.Cia402;
using Controller.Hardware.Transports.Can;
using Controller.Pipeline.Time;

namespace Controller.Hardware.Tests.Protocols.CanOpen;

public class CanOpenScannerTests
{
    [Fact]
    public void Scan_FindsEveryTwinWithIdentityNameAndHeartbeatState()
    {
        using var bus = new VirtualCanBus();
        var master = bus.AddNode("master", receiveCapacity: 1024);
        var plant = new IndependentJointPlant(3);
        var clock = new ManualClock();
        var scaling = new Cia402Scaling(4096, 1, 1);
        var twins = new[] { (byte)2, (byte)9, (byte)127 }.Select((node, i) =>
            new Cia402DriveTwin(bus.AddNode($"n{node}"), node, plant, i, scaling, new Cia402TwinOptions { DeviceName = $"drive {node}", SerialNumber = 1000u + node })).ToList();
        Assert.Equal(SdoAbortCode.None, twins[1].Dictionary.Write(0x1017, 0, [10, 0])); // node 9 sends heartbeats
        var scanner = new CanOpenScanner(master, clock)
        {
            WhileWaiting = () =>
            {
                bus.Deliver(clock.NowNs);
                foreach (var twin in twins) twin.Step(clock.NowNs);
                bus.Deliver(clock.NowNs);
                clock.Advance(1_000_000);
            },
        };
        var nodes = scanner.Scan();
        Assert.Equal(new byte[] { 2, 9, 127 }, nodes.Select(n => n.NodeId).ToArray());
        Assert.All(nodes, n => Assert.Equal(402, n.Profile));
        Assert.Equal("drive 9", nodes[1].DeviceName);
        Assert.Equal(1127u, nodes[2].SerialNumber);
        Assert.Equal(NmtState.PreOperational, nodes[1].State);
        Assert.Equal(NmtState.PreOperational, nodes[2].State); // from its boot-up message
    }
}
