using Controller.Hardware.Transports.Ethernet;

namespace Controller.Hardware.Tests.Transports.Ethernet;

public class VirtualNicTests
{
    [Fact]
    public void Send_OnOneEnd_ArrivesOnTheOtherInOrder()
    {
        var (a, b) = VirtualNic.CreatePair();
        Assert.Equal(FrameIoStatus.Ok, a.Send([1, 2, 3]));
        Assert.Equal(FrameIoStatus.Ok, a.Send([4]));
        var buffer = new byte[1514];
        Assert.Equal(FrameIoStatus.Ok, b.TryReceive(buffer, 0, out int n));
        Assert.Equal([1, 2, 3], buffer[..n]);
        Assert.Equal(FrameIoStatus.Ok, b.TryReceive(buffer, 0, out n));
        Assert.Equal([4], buffer[..n]);
        Assert.Equal(FrameIoStatus.Timeout, b.TryReceive(buffer, 1_000_000, out _));
        Assert.Equal(FrameIoStatus.Timeout, a.TryReceive(buffer, 0, out _));
    }

    [Fact]
    public void Send_RingFull_DropsAndCounts()
    {
        var (a, b) = VirtualNic.CreatePair(depth: 2);
        Assert.Equal(FrameIoStatus.Ok, a.Send([1]));
        Assert.Equal(FrameIoStatus.Ok, a.Send([2]));
        Assert.Equal(FrameIoStatus.QueueFull, a.Send([3]));
        Assert.Equal(1, b.DroppedFrames);
    }

    [Fact]
    public void TryReceive_SmallBuffer_Truncates()
    {
        var (a, b) = VirtualNic.CreatePair();
        a.Send([1, 2, 3, 4]);
        var small = new byte[2];
        Assert.Equal(FrameIoStatus.Truncated, b.TryReceive(small, 0, out int n));
        Assert.Equal(2, n);
    }

    [Fact]
    public void Dispose_EitherEnd_ClosesSending()
    {
        var (a, b) = VirtualNic.CreatePair();
        b.Dispose();
        Assert.Equal(FrameIoStatus.Closed, a.Send([1]));
        Assert.Equal(FrameIoStatus.Closed, b.TryReceive(new byte[8], 0, out _));
    }

    [Fact]
    public void SendReceive_TenThousandFrames_AllocateNothing()
    {
        var (a, b) = VirtualNic.CreatePair();
        var frame = new byte[60];
        var buffer = new byte[1514];
        a.Send(frame);
        b.TryReceive(buffer, 0, out _);
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 10_000; i++)
        {
            a.Send(frame);
            b.TryReceive(buffer, 0, out _);
        }
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void SendReceive_ProducerAndConsumerThreads_DeliverEveryFrameInOrder()
    {
        var (a, b) = VirtualNic.CreatePair(depth: 8);
        const int count = 20_000;
        var producer = new Thread(() =>
        {
            var frame = new byte[8];
            for (int i = 0; i < count; i++)
            {
                BitConverter.TryWriteBytes(frame, i);
                while (a.Send(frame) == FrameIoStatus.QueueFull)
                    Thread.SpinWait(10);
            }
        });
        producer.Start();
        var buffer = new byte[1514];
        for (int i = 0; i < count; i++)
        {
            Assert.Equal(FrameIoStatus.Ok, b.TryReceive(buffer, 5_000_000_000, out _));
            Assert.Equal(i, BitConverter.ToInt32(buffer));
        }
        producer.Join();
    }
}
