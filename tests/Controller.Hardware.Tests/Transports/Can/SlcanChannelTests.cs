using Controller.Hardware.Protocols.Slcan;
using Controller.Hardware.Simulation.Slcan;
using Controller.Hardware.Transports.Can;
using Controller.Pipeline.Time;

namespace Controller.Hardware.Tests.Transports.Can;

public sealed class SlcanChannelTests : IDisposable
{
    private readonly VirtualCanBus _bus = new();
    private readonly VirtualCanNode _adapterNode;
    private readonly VirtualCanNode _peer;
    private readonly ManualClock _clock = new(1_000);
    private SlcanAdapterTwin? _twin;
    private SlcanChannel? _channel;

    public SlcanChannelTests()
    {
        _adapterNode = _bus.AddNode("adapter");
        _peer = _bus.AddNode("peer");
    }

    private SlcanChannel Start(SlcanDialect dialect, SlcanOptions? options = null)
    {
        var (host, device) = InMemoryDuplexStream.CreatePair();
        _twin = new SlcanAdapterTwin(device, _adapterNode, dialect);
        _channel = new SlcanChannel("pipe", host, _clock, (options ?? new SlcanOptions()) with { Dialect = dialect });
        return _channel;
    }

    /// <summary>Ticks the bus until <paramref name="done"/> holds; the limit only stops a broken test from hanging.</summary>
    private void TickUntil(Func<bool> done, long startNs = 0)
    {
        bool reached = false;
        for (int i = 0; i < 5000 && !(reached = done()); i++)
        {
            _bus.Deliver(startNs + i);
            Thread.Sleep(1);
        }
        Assert.True(reached, "condition not reached");
    }

    [Theory]
    [InlineData(SlcanDialect.Canable)]
    [InlineData(SlcanDialect.Lawicel)]
    public void Open_ThenSend_FrameReachesTheBus(SlcanDialect dialect)
    {
        var channel = Start(dialect);
        channel.Open(500_000);
        Assert.True(channel.IsOpen);
        Assert.Equal(500_000, _twin!.BitsPerSecond);
        Assert.True(channel.TrySend(CanFrame.Create(0x601, [0x40, 0x00, 0x10, 0x00])));
        CanFrame received = default;
        TickUntil(() => _peer.TryReceive(out received));
        Assert.Equal(CanFrame.Create(0x601, [0x40, 0x00, 0x10, 0x00]), received);
        if (dialect == SlcanDialect.Lawicel) TickUntil(() => channel.TransmitAcks == 1);
        else Assert.Equal(0, channel.TransmitAcks);
    }

    [Fact]
    public void BusFrame_ReachesTheHost_StampedByTheClock()
    {
        var channel = Start(SlcanDialect.Canable);
        channel.Open(1_000_000);
        _peer.TrySend(CanFrame.Create(0x1ABCDEF, [1, 2, 3], extended: true));
        CanFrame frame = default;
        TickUntil(() => channel.TryReceive(out frame));
        Assert.Equal(CanFrame.Create(0x1ABCDEF, [1, 2, 3], extended: true), frame);
        Assert.Equal(1_000, frame.TimestampNs);
    }

    [Fact]
    public void AdapterTimestamps_WrapAtSixtySeconds_AreUnwrapped()
    {
        var channel = Start(SlcanDialect.Lawicel, new SlcanOptions { AdapterTimestamps = true });
        channel.Open(250_000);
        CanFrame first = default, second = default;
        _peer.TrySend(CanFrame.Create(1, []));
        _bus.Deliver(59_990_000_000);
        TickUntil(() => channel.TryReceive(out first), 59_990_000_001);
        _peer.TrySend(CanFrame.Create(2, []));
        _bus.Deliver(60_005_000_000);
        TickUntil(() => channel.TryReceive(out second), 60_005_000_001);
        Assert.Equal(59_990_000_000, first.TimestampNs);
        Assert.Equal(60_005_000_000, second.TimestampNs);
    }

    [Fact]
    public void Open_CanableWithTimestamps_ThrowsNamingTheRefusedCommand()
    {
        var channel = Start(SlcanDialect.Canable, new SlcanOptions { AdapterTimestamps = true });
        var ex = Assert.Throws<IOException>(() => channel.Open(500_000));
        Assert.Contains("Z1", ex.Message);
        Assert.False(channel.IsOpen);
    }

    [Fact]
    public void Open_SilentAdapter_TimesOut()
    {
        var channel = Start(SlcanDialect.Canable, new SlcanOptions { CommandTimeoutMs = 100 });
        _twin!.Silent = true;
        var ex = Assert.Throws<TimeoutException>(() => channel.Open(500_000));
        Assert.Contains("did not answer", ex.Message);
    }

    [Fact]
    public void TrySend_BeforeOpen_IsRefusedAndCounted()
    {
        var channel = Start(SlcanDialect.Canable);
        Assert.False(channel.TrySend(CanFrame.Create(1, [])));
        Assert.Equal(1, channel.Counters.SendRejected);
    }

    [Fact]
    public void Garbage_FromAdapter_IsCountedAndNextFrameArrives()
    {
        var channel = Start(SlcanDialect.Canable);
        channel.Open(500_000);
        _twin!.InjectGarbage("\u0001zzz##t1\r"u8);
        _peer.TrySend(CanFrame.Create(0x181, [9]));
        CanFrame frame = default;
        TickUntil(() => channel.TryReceive(out frame));
        Assert.Equal(0x181u, frame.Id);
        Assert.Equal(1, channel.Counters.MalformedInput);
    }

    [Fact]
    public void ReadVersionAndFlags_ReturnAdapterValues()
    {
        var channel = Start(SlcanDialect.Lawicel);
        Assert.Equal(0x1013, channel.ReadVersion());
        Assert.Equal(0, channel.ReadStatusFlags());
    }

    [Fact]
    public void Close_ThenSend_IsRefused()
    {
        var channel = Start(SlcanDialect.Canable);
        channel.Open(125_000);
        channel.Close();
        Assert.False(_twin!.IsOpen);
        Assert.False(channel.TrySend(CanFrame.Create(1, [])));
    }

    public void Dispose()
    {
        _channel?.Dispose();
        _twin?.Dispose();
        _bus.Dispose();
    }
}
