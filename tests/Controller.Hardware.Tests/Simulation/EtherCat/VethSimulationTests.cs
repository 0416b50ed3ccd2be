using System.Text;
using Controller.Hardware.Devices.EtherCat;
using Controller.Hardware.Protocols.EtherCat;
using Controller.Hardware.Protocols.EtherCat.Esc;
using Controller.Hardware.Simulation.EtherCat;
using Controller.Hardware.Tests.Transports.Ethernet;
using Controller.Hardware.Transports.Ethernet;

namespace Controller.Hardware.Tests.Simulation.EtherCat;

/// <summary>The same master code as the in-process tests, against simulated slaves on the far end of a veth pair in a fresh network namespace.</summary>
public class VethSimulationTests
{
    [RootFact]
    public void Discover_SimulatedSlavesBehindVeth_FindsThemAndReadsSdo()
    {
        using var veth = new VethNamespace();
        using var masterSocket = RawEthernetSocket.Open(veth.EndA, networkNamespace: veth.Namespace);
        using var slaveSocket = RawEthernetSocket.Open(veth.EndB, networkNamespace: veth.Namespace);
        var (drive, _) = SimulatedBench.CoeSlave();
        var segment = new SimulatedSegment([new SimulatedSlave(SimulatedBench.Dump("ek1100-eeprom-dump.bin")), drive]);
        using var server = segment.Serve(slaveSocket);
        var port = new EtherCatPort(masterSocket, new MacAddress(0x02_00_00_00_00_01), timeoutNs: 500_000_000);

        var slaves = EtherCatDiscovery.Discover(port);
        Assert.Equal(["EK1100", "SIM-DRIVE"], slaves.Select(s => s.Sii.General!.OrderNumber));

        var client = new CoeMailboxClient(port, slaves[1].StationAddress, slaves[1].Sii.Header.StandardMailbox);
        client.ConfigureSyncManagers();
        AlStateControl.RequestState(port, slaves[1].StationAddress, AlState.PreOp);
        Assert.StartsWith("Simulated CoE drive", Encoding.ASCII.GetString(client.Upload(0x1008, 0)));
        Assert.True(segment.FramesProcessed > 50);
    }
}
