using System.Buffers.Binary;
using System.Diagnostics;
using Controller.Cli.EtherCat;
using Controller.Hardware.Devices.EtherCat;
using Controller.Hardware.Protocols.EtherCat;
using Controller.Hardware.Protocols.EtherCat.Esc;
using Controller.Hardware.Simulation.EtherCat;
using Controller.Hardware.Transports.Ethernet;

namespace Controller.Cli.Bench;

/// <summary>
/// What <c>bench ethercat</c> measures against: an EK1100 and EL2004s (real SII images) simulated on the far end of a
/// veth pair in a network namespace it creates (or of an in-process virtual NIC), discovered, DC-initialised and
/// taken to OP by our master with each EL2004's four outputs mapped into one logical process image.
/// </summary>
internal sealed class EtherCatBenchRig : IDisposable
{
    private readonly IRawFrameTransport _master;
    private readonly IRawFrameTransport _slaveSide;
    private readonly IDisposable _server;
    private readonly string? _namespace;

    private EtherCatBenchRig(IRawFrameTransport master, IRawFrameTransport slaveSide, SimulatedSegment segment, string? ns, string transport)
    {
        _master = master;
        _slaveSide = slaveSide;
        _namespace = ns;
        Segment = segment;
        Transport = transport;
        // The slaves answer at normal priority: on this project's virtual machines a SCHED_FIFO slave thread made the veth
        // round trip several times longer (its softirq work waits behind the real-time thread).
        _server = segment.Serve(slaveSide);
        Port = new EtherCatPort(master, EtherCatEndpoint.MasterMac, timeoutNs: 200_000_000);
    }

    public SimulatedSegment Segment { get; }
    public EtherCatPort Port { get; }
    public string Transport { get; }
    public DcTopology? Clocks { get; private set; }
    public int OutputSlaves => Segment.Slaves.Count - 1;
    public int ImageBytes => (OutputSlaves * 4 + 7) / 8;

    /// <summary>Builds the segment and the link. Veth needs root; the caller checks that first.</summary>
    public static EtherCatBenchRig Open(int slaves, bool inProcess)
    {
        var list = new List<SimulatedSlave> { SimulatedSlaveCatalog.Create("ek1100") };
        for (int i = 1; i < slaves; i++)
            list.Add(SimulatedSlaveCatalog.Create("el2004"));
        for (int i = 0; i < list.Count; i++)
            list[i].Dc.DriftPpm = (i % 3 - 1) * 20 + (i == 0 ? 25 : 0); // oscillators a little off, reference included
        var segment = new SimulatedSegment(list);
        if (inProcess)
        {
            var (master, slaveSide) = VirtualNic.CreatePair();
            return new EtherCatBenchRig(master, slaveSide, segment, null, "in-process virtual NIC");
        }
        string id = $"{Environment.ProcessId % 100000}";
        string ns = $"robotctl-bench-{id}", a = $"rbm{id}", b = $"rbs{id}";
        Ip($"netns add {ns}");
        try
        {
            Ip($"-n {ns} link add {a} type veth peer name {b}");
            Ip($"-n {ns} link set {a} up");
            Ip($"-n {ns} link set {b} up");
            var masterSocket = RawEthernetSocket.Open(a, networkNamespace: ns);
            var slaveSocket = RawEthernetSocket.Open(b, networkNamespace: ns);
            return new EtherCatBenchRig(masterSocket, slaveSocket, segment, ns, $"veth {a}/{b} in netns {ns}");
        }
        catch
        {
            Ip($"netns del {ns}");
            throw;
        }
    }

    /// <summary>Discovery, DC (delays, offsets, 1000 drift frames), SM0/FMMU0 of every EL2004, INIT → OP.</summary>
    public void BringToOp()
    {
        var slaves = EtherCatDiscovery.Discover(Port);
        Clocks = DistributedClocks.Initialise(Port, slaves);
        DistributedClocks.CompensateStaticDrift(Port, Clocks, 1000);
        foreach (var slave in slaves)
        {
            if (slave.Position > 0)
            {
                var sm = slave.Sii.SyncManagers[0];
                byte[] smRegisters = [0x00, 0x0F, 1, 0, sm.Control, 0, 0x01, 0];
                Check(Port.Exchange(EtherCatCommand.Fpwr, EtherCatAddress.Physical(slave.StationAddress, EscRegister.SyncManager(0)), smRegisters, 1), slave);
                int k = slave.Position - 1;
                byte startBit = (byte)(4 * (k % 2));
                byte[] fmmu = [0, 0, 0, 0, 1, 0, startBit, (byte)(startBit + 3), 0x00, 0x0F, 0, 0x02, 0x01, 0, 0, 0];
                BinaryPrimitives.WriteUInt32LittleEndian(fmmu, (uint)(k / 2));
                Check(Port.Exchange(EtherCatCommand.Fpwr, EtherCatAddress.Physical(slave.StationAddress, EscRegister.Fmmu(0)), fmmu, 1), slave);
            }
            foreach (var state in new[] { AlState.PreOp, AlState.SafeOp, AlState.Op })
                AlStateControl.RequestState(Port, slave.StationAddress, state);
        }
    }

    /// <summary>A cyclic frame (FRMW of the reference clock + LRW of the image) that counts a reply later than <paramref name="timeoutNs"/> as lost.</summary>
    public ProcessDataCycle CreateCycle(long timeoutNs) => new(_master, EtherCatEndpoint.MasterMac, ImageBytes, 0,
        EtherCatCommandInfo.ExpectedLogicalReadWriteCounter(outputSlaves: OutputSlaves, inputSlaves: 0),
        Clocks!.ReferenceStation, Clocks.ClockCount, timeoutNs);

    private static void Check(ExchangeStatus status, DiscoveredSlave slave)
    {
        if (status != ExchangeStatus.Ok)
            throw new EtherCatException(slave.StationAddress, $"configuring slave {slave.Position}: {status}");
    }

    private static void Ip(string arguments)
    {
        using var process = Process.Start(new ProcessStartInfo("ip", arguments) { RedirectStandardError = true, RedirectStandardOutput = true })!;
        string error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new IOException($"ip {arguments} failed ({process.ExitCode}): {error.Trim()}");
    }

    public void Dispose()
    {
        _master.Dispose();
        _server.Dispose();
        _slaveSide.Dispose();
        if (_namespace is not null)
            Ip($"netns del {_namespace}");
    }
}
