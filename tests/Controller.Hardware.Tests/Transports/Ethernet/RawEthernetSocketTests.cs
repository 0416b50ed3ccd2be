using Controller.Hardware.Protocols.EtherCat;
using Controller.Hardware.Transports.Ethernet;

namespace Controller.Hardware.Tests.Transports.Ethernet;

public class RawEthernetSocketTests
{
    private static int BuildFrame(byte[] buffer, byte index, MacAddress source)
    {
        var writer = new EtherCatFrameWriter(buffer, MacAddress.Broadcast, source);
        writer.TryAppend(EtherCatCommand.Brd, index, EtherCatAddress.Physical(0, 0x0000), 2, out _);
        return writer.Finish();
    }

    [RootFact]
    public void SendReceive_OverVethPairInFreshNamespace_FrameArrivesAtOtherEndOnly()
    {
        using var veth = new VethNamespace();
        using var a = RawEthernetSocket.Open(veth.EndA, networkNamespace: veth.Namespace);
        using var b = RawEthernetSocket.Open(veth.EndB, networkNamespace: veth.Namespace);
        var tx = new byte[1514];
        var rx = new byte[1514];

        int length = BuildFrame(tx, 0x42, new MacAddress(0x02_00_00_00_00_0A));
        Assert.Equal(FrameIoStatus.Ok, a.Send(tx.AsSpan(0, length)));
        Assert.Equal(FrameIoStatus.Ok, b.TryReceive(rx, 2_000_000_000, out int received));
        Assert.Equal(tx[..length], rx[..received]);
        Assert.Equal(EtherCatDecodeError.None, EtherCatFrameReader.TryCreate(rx.AsSpan(0, received), out var reader));
        Assert.True(reader.TryReadNext(out var d));
        Assert.Equal(0x42, d.Index);

        // The reply goes back; neither end sees its own frame.
        length = BuildFrame(tx, 0x43, new MacAddress(0x02_00_00_00_00_0B));
        Assert.Equal(FrameIoStatus.Ok, b.Send(tx.AsSpan(0, length)));
        Assert.Equal(FrameIoStatus.Ok, a.TryReceive(rx, 2_000_000_000, out received));
        Assert.Equal(0x43, rx[17]);
        Assert.Equal(FrameIoStatus.Timeout, a.TryReceive(rx, 20_000_000, out _));
        Assert.Equal(FrameIoStatus.Timeout, b.TryReceive(rx, 20_000_000, out _));
    }

    [RootFact]
    public void SendReceive_ThousandFramesOverVeth_AllocateNothing()
    {
        using var veth = new VethNamespace();
        using var a = RawEthernetSocket.Open(veth.EndA, networkNamespace: veth.Namespace);
        using var b = RawEthernetSocket.Open(veth.EndB, networkNamespace: veth.Namespace);
        var tx = new byte[1514];
        var rx = new byte[1514];
        int length = BuildFrame(tx, 1, new MacAddress(0x02_00_00_00_00_0A));
        a.Send(tx.AsSpan(0, length));
        b.TryReceive(rx, 1_000_000_000, out _);

        long before = GC.GetAllocatedBytesForCurrentThread();
        int ok = 0;
        for (int i = 0; i < 1000; i++)
            if (a.Send(tx.AsSpan(0, length)) == FrameIoStatus.Ok && b.TryReceive(rx, 1_000_000_000, out _) == FrameIoStatus.Ok)
                ok++;
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Equal(1000, ok);
    }

    [Fact]
    public void Open_MissingInterface_ThrowsNamingIt()
    {
        if (!OperatingSystem.IsLinux())
            return;
        var ex = Assert.Throws<IOException>(() => RawEthernetSocket.Open("nosuchif0"));
        Assert.Contains("nosuchif0", ex.Message);
    }
}
