using Controller.Hardware.Transports.Serial;

namespace Controller.Hardware.Tests.Transports.Serial;

/// <summary>The stream adapters an SLCAN channel and its adapter twin use on the two ends of a pty.</summary>
public sealed class PseudoTerminalStreamTests
{
    private static Thread Reader(Stream stream, List<byte> into, int max)
    {
        var thread = new Thread(() =>
        {
            var buffer = new byte[97];
            while (into.Count < max)
            {
                int n = stream.Read(buffer, 0, buffer.Length);
                if (n == 0) return;
                lock (into) into.AddRange(buffer.AsSpan(0, n).ToArray());
                Thread.Sleep(0);
            }
        }) { IsBackground = true };
        thread.Start();
        return thread;
    }

    [Fact]
    public void Write_MoreThanThePtyQueueHolds_ArrivesWholeInOrder()
    {
        using var master = PseudoTerminalStream.OpenNew();
        using var host = new SerialTransportStream(SerialTransport.Open(master.SecondaryPath, 115200));
        var payload = Enumerable.Range(0, 64 * 1024).Select(i => (byte)(i * 7)).ToArray();
        var received = new List<byte>();
        var reader = Reader(host, received, payload.Length);
        master.Write(payload); // waits while the secondary's queue (a few KB) is full instead of dropping
        Assert.True(reader.Join(10_000));
        Assert.Equal(payload, received.ToArray());

        var back = new List<byte>();
        var backReader = Reader(master, back, 5);
        host.Write("hello"u8);
        Assert.True(backReader.Join(5000));
        Assert.Equal("hello"u8.ToArray(), back.ToArray());
    }

    [Fact]
    public void Read_AfterTheFarEndCloses_EndsTheStream()
    {
        var master = PseudoTerminalStream.OpenNew();
        using var host = new SerialTransportStream(SerialTransport.Open(master.SecondaryPath, 115200));
        var received = new List<byte>();
        var reader = Reader(host, received, int.MaxValue);
        master.Dispose(); // the adapter is unplugged
        Assert.True(reader.Join(5000)); // returned 0 instead of spinning on the hang-up
    }

    [Fact]
    public void Dispose_WhileAReadWaits_ReadReturnsZero()
    {
        using var master = PseudoTerminalStream.OpenNew();
        var host = new SerialTransportStream(SerialTransport.Open(master.SecondaryPath, 115200));
        var reader = Reader(host, [], int.MaxValue);
        Thread.Sleep(50);
        host.Dispose();
        Assert.True(reader.Join(5000));
        Assert.Throws<ObjectDisposedException>(() => host.Write([1]));
    }
}
