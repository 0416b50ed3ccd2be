using Controller.Hardware.Devices.EtherCat;
using Controller.Hardware.Protocols.EtherCat;
using Controller.Hardware.Protocols.EtherCat.Esc;
using Controller.Hardware.Protocols.EtherCat.Mailbox;
using Controller.Hardware.Protocols.EtherCat.Sii;
using Controller.Hardware.Simulation.EtherCat;
using Controller.Hardware.Tests.Protocols.EtherCat;
using Controller.Hardware.Transports.Ethernet;

namespace Controller.Hardware.Tests.Simulation.EtherCat;

/// <summary>Simulated slaves served on one end of a virtual NIC, a master port on the other.</summary>
internal sealed class SimulatedBench : IDisposable
{
    private readonly IDisposable _server;
    private readonly VirtualNic _master;

    public SimulatedSegment Segment { get; }
    public EtherCatPort Port { get; }

    public SimulatedBench(params SimulatedSlave[] slaves)
    {
        Segment = new SimulatedSegment(slaves);
        var (master, slaveSide) = VirtualNic.CreatePair();
        _master = master;
        _server = Segment.Serve(slaveSide);
        Port = new EtherCatPort(master, new MacAddress(0x10_10_10_10_10_10), timeoutNs: 200_000_000);
    }

    public static byte[] Dump(string file) => File.ReadAllBytes(EtherCatTestData.EepromPath(file));

    /// <summary>EK1100 + 2 x EL2004, the set SOEM's slaveinfo listing describes.</summary>
    public static SimulatedBench CouplerWithTwoEl2004() => new(
        new SimulatedSlave(Dump("ek1100-eeprom-dump.bin")),
        new SimulatedSlave(Dump("el2004-eeprom-dump.bin")),
        new SimulatedSlave(Dump("el2004-eeprom-dump.bin")));

    /// <summary>A CoE slave (synthetic SII with a 128-byte mailbox at 0x1000/0x1080, like the EL3004's) and its dictionary.</summary>
    public static (SimulatedSlave Slave, CoeObjectDictionary Dictionary) CoeSlave(ushort mailboxBytes = 128)
    {
        var sii = new SiiImageBuilder
        {
            Identity = new SlaveIdentity(0x00000ABC, 0x00001234, 0x00010000, 42),
            StandardMailbox = new SiiMailbox(0x1000, mailboxBytes, 0x1080, mailboxBytes),
            MailboxProtocols = MailboxProtocols.CoE,
            OrderNumber = "SIM-DRIVE",
            Name = "Simulated CoE drive",
            GroupName = "Drives",
            CoeDetails = 0x01,
            SyncManagers =
            [
                new SiiSyncManager(0x1000, mailboxBytes, 0x26, 0, 1, SyncManagerType.MailboxOut),
                new SiiSyncManager(0x1080, mailboxBytes, 0x22, 0, 1, SyncManagerType.MailboxIn),
            ],
        }.Build();
        var od = new CoeObjectDictionary();
        od.Add(0x1008, 0, "Simulated CoE drive with a long device name that needs segments"u8, CoeAccess.ReadOnly, variableSize: true);
        od.Add(0x6060, 0, [0]);
        od.Add(0x607A, 0, [0, 0, 0, 0]);
        return (new SimulatedSlave(sii, od), od);
    }

    /// <summary>
    /// Discovers EK1100 + 2 x EL2004 and takes all to OP through <see cref="EtherCatGroup"/>: the PDOs from the SII give
    /// what SOEM's listing shows (SM0 at 0x0F00, 1 byte; FMMU0 logical byte 0 bits 0..3 for the first, bits 4..7 for the second).
    /// </summary>
    public IReadOnlyList<DiscoveredSlave> BringEl2004OutputsToOp()
    {
        var slaves = EtherCatDiscovery.Discover(Port);
        new EtherCatGroup(Port, MasterTransport, slaves, new EtherCatGroupOptions { CycleTimeoutNs = 200_000_000 }).Start();
        return slaves;
    }

    public IRawFrameTransport MasterTransport => _master;

    public void Dispose()
    {
        _master.Dispose();
        _server.Dispose();
    }
}
