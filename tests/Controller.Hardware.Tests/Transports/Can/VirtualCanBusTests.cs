using Controller.Hardware.Tests.Support;
using Controller.Hardware.Transports.Can;

namespace Controller.Hardware.Tests.Transports.Can;

public class VirtualCanBusTests
{
    private static List<CanFrame> Drain(ICanChannel channel)
    {
        var frames = new List<CanFrame>();
        while (channel.TryReceive(out var frame)) frames.Add(frame);
        return frames;
    }

    [Fact]
    public void Deliver_OneFrame_ReachesEveryOtherNodeNotTheSender()
    {
        using var bus = new VirtualCanBus();
        var a = bus.AddNode("a");
        var b = bus.AddNode("b");
        var c = bus.AddNode("c");
        Assert.True(a.TrySend(CanFrame.Create(0x123, [1, 2])));
        Assert.Equal(1, bus.Deliver(1000));
        Assert.Empty(Drain(a));
        var atB = Assert.Single(Drain(b));
        Assert.Equal(CanFrame.Create(0x123, [1, 2]), atB);
        Assert.Equal(1000, atB.TimestampNs);
        Assert.Single(Drain(c));
    }

    [Fact]
    public void Deliver_FramesPendingInOneTick_GoInIdentifierOrder()
    {
        using var bus = new VirtualCanBus();
        var a = bus.AddNode("a");
        var b = bus.AddNode("b");
        var listener = bus.AddNode("listener");
        a.TrySend(CanFrame.Create(0x300, []));
        a.TrySend(CanFrame.Create(0x080, []));
        b.TrySend(CanFrame.Create(0x1FFFFFFF, [], extended: true));
        b.TrySend(CanFrame.Create(0x000, []));
        b.TrySend(CanFrame.CreateRemote(0x080, 0));
        bus.Deliver(0);
        var ids = Drain(listener).Select(f => f.ToString()).ToArray();
        Assert.Equal(["000#", "080#", "080#R0", "300#", "1FFFFFFF#"], ids);
    }

    [Fact]
    public void Deliver_FramesPerTickLimit_CarriesTheRestInArbitrationOrder()
    {
        using var bus = new VirtualCanBus { FramesPerTick = 2 };
        var a = bus.AddNode("a");
        var listener = bus.AddNode("listener");
        foreach (uint id in new uint[] { 5, 4, 3, 2, 1 }) a.TrySend(CanFrame.Create(id, []));
        Assert.Equal(2, bus.Deliver(0));
        a.TrySend(CanFrame.Create(0, []));
        Assert.Equal(2, bus.Deliver(1));
        Assert.Equal(2, bus.Deliver(2));
        Assert.Equal(0, bus.PendingFrames);
        Assert.Equal(new uint[] { 1, 2, 0, 3, 4, 5 }, Drain(listener).Select(f => f.Id).ToArray());
    }

    [Fact]
    public void InjectErrorFrame_EveryNodeReceivesErrorAndCountsIt()
    {
        using var bus = new VirtualCanBus();
        var a = bus.AddNode("a");
        var b = bus.AddNode("b");
        bus.InjectErrorFrame();
        bus.Deliver(0);
        foreach (var node in new[] { a, b })
        {
            var error = Assert.Single(Drain(node));
            Assert.True(error.IsError);
            Assert.Equal(1, node.Counters.ErrorFrames);
            Assert.Equal(1, node.ReceiveErrorCounter);
        }
    }

    [Fact]
    public void InjectTransmitErrors_MoreThan255_GoesBusOffDropsQueueAndRefusesSends()
    {
        using var bus = new VirtualCanBus();
        var a = bus.AddNode("a");
        var b = bus.AddNode("b");
        a.TrySend(CanFrame.Create(0x10, []));
        a.InjectTransmitErrors(17);
        bus.Deliver(0); // 17 × 8 = 136, then −1 for the frame that got through
        Assert.Equal(135, a.TransmitErrorCounter);
        Assert.Equal(CanBusState.ErrorPassive, a.BusState);
        Assert.Single(Drain(b), f => f.Id == 0x10);
        a.TrySend(CanFrame.Create(0x11, []));
        a.InjectTransmitErrors(16);
        bus.Deliver(1);
        Assert.Equal(CanBusState.BusOff, a.BusState);
        Assert.Equal(1, a.Counters.BusOffEvents);
        Assert.Contains(Drain(a), f => f.IsError && ((CanErrorClass)f.Id & CanErrorClass.BusOff) != 0);
        Assert.DoesNotContain(Drain(b), f => !f.IsError);
        Assert.False(a.TrySend(CanFrame.Create(0x10, [])));
        Assert.True(a.Counters.SendRejected >= 1);
    }

    [Fact]
    public void Restart_BusOffNode_ReturnsToErrorActiveAndSendsAgain()
    {
        using var bus = new VirtualCanBus();
        var a = bus.AddNode("a");
        var b = bus.AddNode("b");
        a.ForceBusOff();
        bus.Deliver(0);
        Assert.Equal(CanBusState.BusOff, a.BusState);
        b.TrySend(CanFrame.Create(0x20, []));
        bus.Deliver(1);
        Assert.DoesNotContain(Drain(a), f => !f.IsError);
        a.Restart();
        bus.Deliver(2);
        Assert.Equal(CanBusState.ErrorActive, a.BusState);
        Assert.Contains(Drain(a), f => f.IsError && ((CanErrorClass)f.Id & CanErrorClass.Restarted) != 0);
        Assert.True(a.TrySend(CanFrame.Create(0x30, [])));
        bus.Deliver(3);
        Assert.Single(Drain(b), f => f.Id == 0x30);
    }

    [Fact]
    public void AutoRestartTicks_BusOffNode_RestartsByItself()
    {
        using var bus = new VirtualCanBus();
        var a = bus.AddNode("a");
        a.AutoRestartTicks = 3;
        a.ForceBusOff();
        bus.Deliver(0);
        bus.Deliver(1);
        bus.Deliver(2);
        Assert.Equal(CanBusState.BusOff, a.BusState);
        bus.Deliver(3);
        Assert.Equal(CanBusState.ErrorActive, a.BusState);
    }

    [Fact]
    public void TrySend_FullTransmitQueue_ReturnsFalseAndCounts()
    {
        using var bus = new VirtualCanBus();
        var a = bus.AddNode("a", transmitCapacity: 2);
        Assert.True(a.TrySend(CanFrame.Create(1, [])));
        Assert.True(a.TrySend(CanFrame.Create(1, [])));
        Assert.False(a.TrySend(CanFrame.Create(1, [])));
        Assert.Equal(1, a.Counters.SendRejected);
    }

    [Fact]
    public void Receive_FullReceiveQueue_CountsOverruns()
    {
        using var bus = new VirtualCanBus();
        var a = bus.AddNode("a");
        var b = bus.AddNode("b", receiveCapacity: 2);
        for (int i = 0; i < 3; i++) a.TrySend(CanFrame.Create(1, []));
        bus.Deliver(0);
        Assert.Equal(1, b.Counters.ReceiveOverruns);
        Assert.Equal(2, Drain(b).Count);
    }

    [Fact]
    public void SendDeliverReceive_ThousandsOfTicks_DoNotAllocate()
    {
        using var bus = new VirtualCanBus();
        var a = bus.AddNode("a");
        var b = bus.AddNode("b");
        var frame = CanFrame.Create(0x181, [1, 2, 3, 4, 5, 6, 7, 8]);
        void Cycle(long t)
        {
            a.TrySend(frame);
            b.TrySend(frame);
            bus.Deliver(t);
            while (a.TryReceive(out _)) { }
            while (b.TryReceive(out _)) { }
        }
        Assert.Equal(0, SteadyState.AllocatedBytes(i => Cycle(i)));
        Assert.True(b.Counters.FramesReceived > 3000);
    }

    [Fact]
    public void Pump_OnItsOwnThread_DeliversWithoutExplicitTicks()
    {
        using var bus = new VirtualCanBus();
        var a = bus.AddNode("a");
        var b = bus.AddNode("b");
        using (var pump = new VirtualCanBusPump(bus, Controller.Pipeline.Time.MonotonicClock.Instance))
        {
            a.TrySend(CanFrame.Create(0x42, [7]));
            var watch = System.Diagnostics.Stopwatch.StartNew();
            CanFrame received = default;
            bool got = false;
            while (!got && watch.ElapsedMilliseconds < 2000) { got = b.TryReceive(out received); Thread.Sleep(1); }
            Assert.True(got);
            Assert.Equal(0x42u, received.Id);
            Assert.True(pump.Ticks > 0);
        }
    }

    [Fact]
    public void AddNode_CapacityNotPowerOfTwo_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new VirtualCanBus().AddNode("x", receiveCapacity: 100));
}
