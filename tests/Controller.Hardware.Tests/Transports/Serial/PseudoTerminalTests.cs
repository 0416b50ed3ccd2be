using System.IO.Ports;
using Controller.Hardware.Transports.Serial;

namespace Controller.Hardware.Tests.Transports.Serial;

public class PseudoTerminalTests
{
    [Fact]
    public void Open_Linux_GivesPtsPathThatExists()
    {
        using var pty = PseudoTerminal.Open();
        Assert.StartsWith("/dev/pts/", pty.SecondaryPath);
        Assert.True(File.Exists(pty.SecondaryPath));
    }

    [Fact]
    public void SerialPort_OnSecondary_ExchangesBytesBothWaysUnchanged()
    {
        using var pty = PseudoTerminal.Open();
        using var port = new SerialPort(pty.SecondaryPath, 1_000_000) { ReadTimeout = 1000, WriteTimeout = 1000 };
        port.Open();
        byte[] all = Enumerable.Range(0, 256).Select(i => (byte)i).ToArray();

        port.Write(all, 0, all.Length);
        var received = ReadMasterExactly(pty, all.Length);
        Assert.Equal(all, received);

        Assert.True(pty.WriteMaster(all));
        var back = new byte[all.Length];
        int got = 0;
        while (got < back.Length) got += port.Read(back, got, back.Length - got);
        Assert.Equal(all, back);
    }

    [Fact]
    public void ReadMaster_NothingSent_ReturnsZeroAfterTimeout()
    {
        using var pty = PseudoTerminal.Open();
        Assert.Equal(0, pty.ReadMaster(new byte[16], 10));
    }

    [Fact]
    public void Dispose_Twice_IsHarmlessAndReadsReturnZero()
    {
        var pty = PseudoTerminal.Open();
        pty.Dispose();
        pty.Dispose();
        Assert.Equal(0, pty.ReadMaster(new byte[4], 0));
        Assert.False(pty.WriteMaster([1, 2]));
    }

    internal static byte[] ReadMasterExactly(PseudoTerminal pty, int count)
    {
        var buffer = new byte[count];
        int got = 0;
        for (int tries = 0; got < count && tries < 200; tries++) got += pty.ReadMaster(buffer.AsSpan(got), 10);
        Assert.Equal(count, got);
        return buffer;
    }
}
