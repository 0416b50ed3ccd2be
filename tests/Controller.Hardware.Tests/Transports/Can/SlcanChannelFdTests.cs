using System.Text;
using Controller.Hardware.Protocols.Slcan;
using Controller.Hardware.Simulation.Slcan;
using Controller.Hardware.Transports.Can;
using Controller.Pipeline.Time;

namespace Controller.Hardware.Tests.Transports.Can;

/// <summary>SlcanChannel's CAN FD path against the adapter twin over an in-memory duplex stream.</summary>
public sealed class SlcanChannelFdTests : IDisposable
{
    private readonly VirtualCanBus _bus = new();
    private readonly VirtualCanNode _adapterNode;
    private readonly VirtualCanNode _peer;
    private readonly ManualClock _clock = new(1_000);
    private SlcanAdapterTwin? _twin;
    private SlcanChannel? _channel;

    public SlcanChannelFdTests()
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

    private void TickUntil(Func<bool> done)
    {
        bool reached = false;
        for (int i = 0; i < 5000 && !(reached = done()); i++)
        {
            _bus.Deliver(i);
            Thread.Sleep(1);
        }
        Assert.True(reached, "condition not reached");
    }

    [Fact]
    public void Open_WithDataBitrate_SendsYnBeforeOpen()
    {
        var channel = Start(SlcanDialect.CanableFd, new SlcanOptions { DataBitsPerSecond = 5_000_000 });
        channel.Open(1_000_000);
        Assert.Equal(5_000_000, _twin!.DataBitsPerSecond);
        Assert.Equal(1_000_000, _twin.BitsPerSecond);
        Assert.True(channel.IsOpen);
    }

    [Fact]
    public void Open_DataBitrateOnClassicDialect_ThrowsNamingTheDialect()
    {
        var channel = Start(SlcanDialect.Canable, new SlcanOptions { DataBitsPerSecond = 2_000_000 });
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => channel.Open(1_000_000));
        Assert.Contains("CanableFd", ex.Message);
    }

    [Fact]
    public void TrySendFd_CanableFd_FrameReachesBusWithBrs()
    {
        var channel = Start(SlcanDialect.CanableFd);
        channel.Open(500_000);
        var frame = CanFdFrame.Create(0x1ABCDE, Enumerable.Range(0, 48).Select(i => (byte)i).ToArray(), extended: true);
        Assert.True(channel.TrySendFd(frame));
        CanFdFrame received = default;
        TickUntil(() => _peer.TryReceiveFd(out received));
        received.TimestampNs = 0;
        Assert.Equal(frame, received);
        Assert.True(received.BitRateSwitch);
    }

    [Fact]
    public void TryReceiveFd_FdFromBus_ArrivesWithFlagsAndClassicViewSkipsIt()
    {
        var channel = Start(SlcanDialect.CanableFd);
        channel.Open(500_000);
        var fd = CanFdFrame.Create(0x100, new byte[20], bitRateSwitch: false);
        Assert.True(_peer.TrySendFd(fd));
        Assert.True(_peer.TrySend(CanFrame.Create(0x101, [5])));
        TickUntil(() => channel.Counters.FramesReceived == 2);
        Assert.True(channel.TryReceive(out var classic)); // the FD frame ahead of it is skipped and counted
        Assert.Equal(CanFrame.Create(0x101, [5]), classic);
        Assert.Equal(1, channel.Counters.MalformedInput);

        Assert.True(_peer.TrySendFd(fd));
        TickUntil(() => channel.Counters.FramesReceived == 3);
        Assert.True(channel.TryReceiveFd(out var got));
        Assert.True(got.IsFd);
        Assert.False(got.BitRateSwitch);
        Assert.Equal(_clock.NowNs, got.TimestampNs);
        got.TimestampNs = 0;
        Assert.Equal(fd, got);
    }

    [Fact]
    public void TrySendFd_ClassicDialect_RejectedAndTwinDropsFdFromBus()
    {
        var channel = Start(SlcanDialect.Canable);
        channel.Open(500_000);
        Assert.False(channel.TrySendFd(CanFdFrame.Create(0x10, [1])));
        Assert.Equal(1, channel.Counters.SendRejected);
        Assert.True(channel.TrySendFd(CanFdFrame.FromClassic(CanFrame.Create(0x10, [1]))));

        Assert.True(_peer.TrySendFd(CanFdFrame.Create(0x20, new byte[12])));
        TickUntil(() => _twin!.FdFramesDropped == 1);
        Assert.Equal(0, channel.Counters.FramesReceived);
    }

    [Theory]
    [InlineData(SlcanDialect.Canable, "b1230\r", "\a")]
    [InlineData(SlcanDialect.Lawicel, "Y2\r", "\a")]
    [InlineData(SlcanDialect.CanableFd, "Y3\r", "\a")]
    [InlineData(SlcanDialect.CanableFd, "Y2\r", "\r")]
    public void Twin_FdCommands_AnsweredPerDialect(SlcanDialect dialect, string command, string answer)
    {
        var (host, device) = InMemoryDuplexStream.CreatePair();
        using var twin = new SlcanAdapterTwin(device, _adapterNode, dialect);
        host.Write(Encoding.ASCII.GetBytes("S8\rO\r"));
        var reply = new byte[1];
        for (int i = 0; i < 2; i++) Assert.Equal(1, host.Read(reply));
        if (command.StartsWith('Y')) { host.Write("C\r"u8); Assert.Equal(1, host.Read(reply)); }
        host.Write(Encoding.ASCII.GetBytes(command));
        Assert.Equal(1, host.Read(reply));
        Assert.Equal(answer, Encoding.ASCII.GetString(reply));
        host.Dispose();
    }

    public void Dispose()
    {
        _channel?.Dispose();
        _twin?.Dispose();
        _bus.Dispose();
    }
}
