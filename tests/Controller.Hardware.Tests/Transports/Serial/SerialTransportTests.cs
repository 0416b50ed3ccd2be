using System.Diagnostics;
using System.IO.Ports;
using Controller.Hardware.Transports.Serial;

namespace Controller.Hardware.Tests.Transports.Serial;

public class SerialTransportTests
{
    private static long In(double ms) => Stopwatch.GetTimestamp() + (long)(ms * Stopwatch.Frequency / 1000);

    [Fact]
    public void WriteAndRead_OverPty_BytesFlowBothWays()
    {
        using var pty = PseudoTerminal.Open();
        using var link = SerialTransport.Open(pty.SecondaryPath, 1_000_000);
        byte[] request = [0xFF, 0xFF, 0xFD, 0x00, 0x01, 0x03, 0x00, 0x01, 0x19, 0x4E];

        Assert.True(link.Write(request, In(100)));
        Assert.Equal(request, PseudoTerminalTests.ReadMasterExactly(pty, request.Length));

        Assert.True(pty.WriteMaster(request));
        var reply = new byte[request.Length];
        Assert.Equal(request.Length, link.ReadExactly(reply, In(1000)));
        Assert.Equal(request, reply);
    }

    [Fact]
    public void ReadExactly_FewerBytesThanAsked_ReturnsCountAtDeadline()
    {
        using var pty = PseudoTerminal.Open();
        using var link = SerialTransport.Open(pty.SecondaryPath, 115_200);
        pty.WriteMaster([1, 2, 3]);

        var buffer = new byte[8];
        Assert.Equal(3, link.ReadExactly(buffer, In(30)));
        Assert.Equal(new byte[] { 1, 2, 3 }, buffer[..3]);
    }

    [Fact]
    public void DiscardInput_StaleBytes_AreGone()
    {
        using var pty = PseudoTerminal.Open();
        using var link = SerialTransport.Open(pty.SecondaryPath, 1_000_000);
        pty.WriteMaster([9, 9, 9]);
        Thread.Sleep(20);

        link.DiscardInput();

        Assert.Equal(0, link.Read(new byte[8], In(5)));
    }

    [Fact]
    public void Open_MissingDevice_ThrowsIOExceptionNamingIt()
    {
        var e = Assert.Throws<IOException>(() => SerialTransport.Open("/dev/does-not-exist-42", 1_000_000));
        Assert.Contains("/dev/does-not-exist-42", e.Message);
    }

    [Fact]
    public void Open_BaudOutOfRange_ThrowsNamingRange()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => SerialTransport.Open("/dev/null", 12));
        Assert.Contains("between 1200 and 10000000", e.Message);
    }

    [Fact]
    public void Cycle_ThousandsOfWriteReadTransactions_DoNotAllocate()
    {
        using var pty = PseudoTerminal.Open();
        using var link = SerialTransport.Open(pty.SecondaryPath, 1_000_000);
        var request = new byte[14];
        var reply = new byte[15];
        var echo = new byte[64];
        void Cycle()
        {
            link.DiscardInput();
            link.Write(request, In(100));
            pty.ReadMaster(echo, 100);
            pty.WriteMaster(reply);
            link.ReadExactly(reply, In(100));
        }
        Cycle();
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 2000; i++) Cycle();
        Assert.Equal(before, GC.GetAllocatedBytesForCurrentThread());
    }

    /// <summary>Why SerialTransport does its own I/O: if this starts failing, SerialPort.Read stopped allocating and may be used directly.</summary>
    [Fact]
    public void SerialPortRead_SteadyState_AllocatesPerCall()
    {
        using var pty = PseudoTerminal.Open();
        using var port = new SerialPort(pty.SecondaryPath, 1_000_000) { ReadTimeout = 1000 };
        port.Open();
        var buffer = new byte[4];
        void Cycle()
        {
            pty.WriteMaster(buffer);
            int got = 0;
            while (got < buffer.Length) got += port.Read(buffer, got, buffer.Length - got);
        }
        for (int i = 0; i < 10; i++) Cycle();
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 50; i++) Cycle();
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before > 50 * 100);
    }
}
