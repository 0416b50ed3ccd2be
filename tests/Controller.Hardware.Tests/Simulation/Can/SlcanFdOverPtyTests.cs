using Controller.Hardware.Protocols.Slcan;
using Controller.Hardware.Tests.Support;
using Controller.Hardware.Transports.Can;

namespace Controller.Hardware.Tests.Simulation.Can;

/// <summary>
/// CAN FD end to end: SlcanChannel → a real pseudo-terminal opened as a serial port → SLCAN adapter twin (CANable 2.0
/// dialect) → virtual bus with an FD peer and a classic-only node, and back.
/// </summary>
[Collection(SlcanPtyRig.Collection)]
public sealed class SlcanFdOverPtyTests : IDisposable
{
    private readonly SlcanPtyRig _rig;
    private VirtualCanNode _peer = null!;
    private VirtualCanNode _legacy = null!;

    public SlcanFdOverPtyTests()
    {
        _rig = new SlcanPtyRig(1, host =>
        {
            _peer = host.Bus.AddNode("fd-peer", receiveCapacity: 256);
            _legacy = host.Bus.AddNode("classic-only", receiveCapacity: 256, classicOnly: true);
        }, SlcanDialect.CanableFd);
    }

    private static CanFdFrame Frame(uint id, int length, bool extended, bool brs) =>
        CanFdFrame.Create(id, Enumerable.Range(0, length).Select(i => (byte)(id + i)).ToArray(), extended, brs);

    [Fact]
    public void FdFrames_HostToBusAndBack_ArriveIntactWithFlags()
    {
        CanFdFrame[] toBus =
        [
            Frame(0x010, 0, extended: false, brs: false),
            Frame(0x011, 12, extended: false, brs: true),
            Frame(0x012, 64, extended: false, brs: false),
            Frame(0x0123456, 32, extended: true, brs: true),
        ];
        foreach (var f in toBus) Assert.True(_rig.Channel.TrySendFd(f));
        Assert.True(_rig.Channel.TrySend(CanFrame.Create(0x7F0, [1, 2, 3])));
        _rig.Tick();
        _rig.Tick();

        var atPeer = new List<CanFdFrame>();
        while (_peer.TryReceiveFd(out var f)) atPeer.Add(f with { TimestampNs = 0 });
        // One bus tick carried them all, in arbitration order: the extended 0x0123456 has base id 0x004, so it wins.
        Assert.Equal([toBus[3], toBus[0], toBus[1], toBus[2], CanFdFrame.FromClassic(CanFrame.Create(0x7F0, [1, 2, 3]))], atPeer);
        Assert.Equal(4, _legacy.FdFramesRefused);

        CanFdFrame[] toHost =
        [
            Frame(0x200, 8, extended: false, brs: true),
            Frame(0x201, 48, extended: false, brs: false),
            Frame(0x1FFFFFFF, 64, extended: true, brs: true),
        ];
        foreach (var f in toHost) Assert.True(_peer.TrySendFd(f));
        _rig.Tick();
        _rig.Tick();

        var atHost = new List<CanFdFrame>();
        while (_rig.Channel.TryReceiveFd(out var f)) atHost.Add(f with { TimestampNs = 0 });
        Assert.Equal(toHost, atHost);
        Assert.Equal(0, _rig.SettleTimeouts);
        Assert.Equal(0, _rig.Channel.Counters.MalformedInput);
        Assert.Equal(0, _rig.Channel.AdapterErrors);
    }

    [Fact]
    public void SendFdReceiveFd_OverThePtyEveryTick_DoesNotAllocateOnTheCallingThread()
    {
        var toBus = Frame(0x100, 64, extended: false, brs: true);
        var toHost = Frame(0x101, 32, extended: false, brs: false);
        long received = 0;
        void Cycle()
        {
            _rig.Channel.TrySendFd(toBus);
            _peer.TrySendFd(toHost);
            _rig.Tick();
            while (_peer.TryReceiveFd(out _)) { }
            while (_legacy.TryReceiveFd(out _)) { }
            while (_rig.Channel.TryReceiveFd(out _)) received++;
        }
        Assert.Equal(0, SteadyState.AllocatedBytes(_ => Cycle(), measured: 300, batch: 50));
        Assert.True(received >= 300);
        Assert.Equal(0, _rig.SettleTimeouts);
        Assert.Equal(0, _rig.Channel.Counters.SendRejected);
    }

    public void Dispose() => _rig.Dispose();
}
