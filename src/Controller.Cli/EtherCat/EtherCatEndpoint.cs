using Controller.Hardware.Devices.EtherCat;
using Controller.Hardware.Protocols.EtherCat;
using Controller.Hardware.Simulation.EtherCat;
using Controller.Hardware.Transports.Ethernet;

namespace Controller.Cli.EtherCat;

/// <summary>
/// Where an <c>ethercat</c> command talks: a raw socket on a real interface (optionally inside a network namespace),
/// or, for <c>--if sim:ek1100,el2004,...</c>, simulated slaves in this process behind a virtual NIC (no root needed;
/// the same master code runs).
/// </summary>
public sealed class EtherCatEndpoint : IDisposable
{
    /// <summary>Prefix of an interface name that means "simulated slaves in this process".</summary>
    public const string SimulatedPrefix = "sim:";

    private readonly IRawFrameTransport _transport;
    private readonly IDisposable? _server;
    private readonly IRawFrameTransport? _farEnd;

    private EtherCatEndpoint(IRawFrameTransport transport, IDisposable? server, IRawFrameTransport? farEnd, string description)
    {
        _transport = transport;
        _server = server;
        _farEnd = farEnd;
        Description = description;
        Port = new EtherCatPort(transport, MasterMac, timeoutNs: 100_000_000);
    }

    /// <summary>Source MAC of robotctl's frames (locally administered).</summary>
    public static MacAddress MasterMac => new(0x02_52_43_54_4C_01);

    /// <summary>The master port.</summary>
    public EtherCatPort Port { get; }

    /// <summary>The transport under <see cref="Port"/> (for a cyclic frame of its own).</summary>
    public IRawFrameTransport Transport => _transport;

    /// <summary>What was opened, for messages.</summary>
    public string Description { get; }

    /// <summary>Opens <paramref name="interfaceName"/>.</summary>
    /// <exception cref="IOException">The interface or namespace cannot be opened (not root, no such interface).</exception>
    /// <exception cref="ArgumentException">A <c>sim:</c> list names an unknown slave.</exception>
    public static EtherCatEndpoint Open(string interfaceName, string? networkNamespace)
    {
        if (interfaceName.StartsWith(SimulatedPrefix, StringComparison.Ordinal))
        {
            var names = interfaceName[SimulatedPrefix.Length..].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var segment = new SimulatedSegment(names.Select(SimulatedSlaveCatalog.Create));
            var (master, slaves) = VirtualNic.CreatePair();
            return new EtherCatEndpoint(master, segment.Serve(slaves), slaves, $"in-process simulated slaves ({string.Join(", ", names)})");
        }
        var socket = RawEthernetSocket.Open(interfaceName, networkNamespace: networkNamespace);
        return new EtherCatEndpoint(socket, null, null, networkNamespace is null ? interfaceName : $"{interfaceName} in netns {networkNamespace}");
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _transport.Dispose();
        _server?.Dispose();
        _farEnd?.Dispose();
    }
}
