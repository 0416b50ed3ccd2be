using Controller.Hardware.Tests.Support;
using Controller.Hardware.Transports.Can;

namespace Controller.Hardware.Tests.Transports.Can;

public class VirtualCanBusFdTests
{
    private static List<CanFdFrame> DrainFd(ICanFdChannel channel)
    {
        var frames = new List<CanFdFrame>();
        while (channel.TryReceiveFd(out var frame)) frames.Add(frame);
        return frames;
    }

    private static byte[] Bytes(int length) => Enumerable.Range(0, length).Select(i => (byte)(i * 7 + 1)).ToArray();

    [Theory]
    [InlineData(0, false, false)]
    [InlineData(12, false, true)]
    [InlineData(64, true, true)]
    [InlineData(48, true, false)]
    public void TrySendFd_FdFrame_ReachesOtherNodesWithDataAndFlags(int length, bool extended, bool brs)
    {
        using var bus = new VirtualCanBus();
        var a = bus.AddNode("a");
        var b = bus.AddNode("b");
        var c = bus.AddNode("c");
        var sent = CanFdFrame.Create(extended ? 0x1234567u : 0x321u, Bytes(length), extended, brs);
        sent.Flags |= CanFrameFlags.ErrorStateIndicator;
        Assert.True(a.TrySendFd(sent));
        Assert.Equal(1, bus.Deliver(5_000));
        Assert.Empty(DrainFd(a));
        foreach (var node in new[] { b, c })
        {
            var got = Assert.Single(DrainFd(node));
            Assert.Equal(5_000, got.TimestampNs);
            got.TimestampNs = 0;
            Assert.Equal(sent, got);
            Assert.True(got.IsFd);
            Assert.Equal(brs, got.BitRateSwitch);
            Assert.NotEqual(0, (int)(got.Flags & CanFrameFlags.ErrorStateIndicator));
        }
    }

    [Fact]
    public void Deliver_ClassicAndFdMixed_ClassicReaderSkipsFdAndFdReaderSeesBoth()
    {
        using var bus = new VirtualCanBus();
        var a = bus.AddNode("a");
        var fdReader = bus.AddNode("fd");
        var classicReader = bus.AddNode("classic-view");
        Assert.True(a.TrySend(CanFrame.Create(0x100, [1, 2, 3])));
        Assert.True(a.TrySendFd(CanFdFrame.Create(0x200, Bytes(20))));
        Assert.True(a.TrySend(CanFrame.CreateRemote(0x300, 4)));
        bus.Deliver(0);

        var both = DrainFd(fdReader);
        Assert.Equal(new uint[] { 0x100, 0x200, 0x300 }, both.Select(f => f.Id).ToArray());
        Assert.Equal(new[] { false, true, false }, both.Select(f => f.IsFd).ToArray());
        Assert.True(both[0].TryToClassic(out var classic));
        Assert.Equal(CanFrame.Create(0x100, [1, 2, 3]), classic);

        var classics = new List<CanFrame>();
        while (classicReader.TryReceive(out var f)) classics.Add(f);
        Assert.Equal(["100#010203", "300#R4"], classics.Select(f => f.ToString()).ToArray());
        Assert.Equal(1, classicReader.Counters.MalformedInput);
    }

    [Fact]
    public void Deliver_FdFrameToClassicOnlyNode_RefusedWithCountedErrorFrame()
    {
        using var bus = new VirtualCanBus();
        var fd = bus.AddNode("fd");
        var legacy = bus.AddNode("legacy", classicOnly: true);
        var other = bus.AddNode("other");
        Assert.True(fd.TrySendFd(CanFdFrame.Create(0x10, Bytes(16))));
        Assert.True(fd.TrySend(CanFrame.Create(0x11, [9])));
        bus.Deliver(7);

        var atLegacy = DrainFd(legacy);
        Assert.Equal(2, atLegacy.Count);
        Assert.False(atLegacy[0].IsFd);
        Assert.NotEqual(0, (int)(atLegacy[0].Flags & CanFrameFlags.Error));
        Assert.Equal((uint)(CanErrorClass.Protocol | CanErrorClass.BusError), atLegacy[0].Id);
        Assert.Equal(0x11u, atLegacy[1].Id);
        Assert.Equal(1, legacy.FdFramesRefused);
        Assert.Equal(1, legacy.Counters.ErrorFrames);
        Assert.Equal(0, legacy.ReceiveErrorCounter); // +1 for the refused FD frame, −1 for the classic one that followed
        Assert.Equal(2, DrainFd(other).Count);
        Assert.Equal(0, other.FdFramesRefused);
    }

    [Fact]
    public void TrySendFd_FromClassicOnlyNode_Rejected()
    {
        using var bus = new VirtualCanBus();
        var legacy = bus.AddNode("legacy", classicOnly: true);
        Assert.False(legacy.TrySendFd(CanFdFrame.Create(0x10, [1])));
        Assert.True(legacy.TrySendFd(CanFdFrame.FromClassic(CanFrame.Create(0x10, [1]))));
        Assert.Equal(1, legacy.Counters.SendRejected);
        Assert.Equal(1, legacy.Counters.FramesSent);
    }

    [Fact]
    public void TrySendFd_LengthNoDlcExpresses_Rejected()
    {
        using var bus = new VirtualCanBus();
        var a = bus.AddNode("a");
        var frame = CanFdFrame.Create(0x10, Bytes(12));
        frame.Length = 13;
        Assert.False(a.TrySendFd(frame));
        Assert.Equal(1, a.Counters.SendRejected);
    }

    [Fact]
    public void Deliver_ClassicAndFdPending_GoInArbitrationOrderClassicBeforeFdOnSameId()
    {
        using var bus = new VirtualCanBus();
        var a = bus.AddNode("a");
        var b = bus.AddNode("b");
        var listener = bus.AddNode("listener");
        a.TrySendFd(CanFdFrame.Create(0x300, Bytes(12)));
        a.TrySendFd(CanFdFrame.Create(0x080, Bytes(8)));
        b.TrySend(CanFrame.Create(0x080, [1]));
        b.TrySendFd(CanFdFrame.Create(0x1FFFFFFF, Bytes(64), extended: true));
        b.TrySend(CanFrame.Create(0x200, []));
        a.TrySendFd(CanFdFrame.Create(0x001, Bytes(32), bitRateSwitch: false));
        bus.Deliver(0);
        var order = DrainFd(listener).Select(f => $"{f.Id:X}{(f.IsFd ? "fd" : "")}").ToArray();
        Assert.Equal(["1fd", "80", "80fd", "200", "300fd", "1FFFFFFFfd"], order);
    }

    [Fact]
    public void SendFdDeliverReceiveFd_ThousandsOfTicks_DoNotAllocate()
    {
        using var bus = new VirtualCanBus();
        var a = bus.AddNode("a");
        var b = bus.AddNode("b");
        var legacy = bus.AddNode("legacy", classicOnly: true);
        var fd = CanFdFrame.Create(0x181, Bytes(64));
        var classic = CanFrame.Create(0x182, [1, 2, 3, 4, 5, 6, 7, 8]);
        void Cycle(long t)
        {
            a.TrySendFd(fd);
            b.TrySend(classic);
            bus.Deliver(t);
            while (a.TryReceive(out _)) { }
            while (b.TryReceiveFd(out _)) { }
            while (legacy.TryReceiveFd(out _)) { }
        }
        Assert.Equal(0, SteadyState.AllocatedBytes(i => Cycle(i)));
        Assert.True(b.Counters.FramesReceived > 3000);
        Assert.True(legacy.FdFramesRefused > 3000);
    }
}
