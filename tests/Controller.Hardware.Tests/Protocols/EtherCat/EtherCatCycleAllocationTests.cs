using Controller.Hardware.Protocols.EtherCat;

namespace Controller.Hardware.Tests.Protocols.EtherCat;

public class EtherCatCycleAllocationTests
{
    private static readonly MacAddress Source = new(0x02_00_00_00_00_01);

    /// <summary>One cycle as a master runs it: FRMW of the reference clock + LRW, reply patched like slaves would, decoded and matched.</summary>
    private static int Cycle(byte[] frame, byte[] outputs, DatagramIndexTable table)
    {
        var writer = new EtherCatFrameWriter(frame, MacAddress.Broadcast, Source);
        table.TryReserve(new DatagramRequest(EtherCatCommand.Frmw, EtherCatAddress.Physical(0x1000, 0x0910), 8, 3), out byte dcIndex);
        writer.TryAppend(EtherCatCommand.Frmw, dcIndex, EtherCatAddress.Physical(0x1000, 0x0910), 8, out _);
        table.TryReserve(new DatagramRequest(EtherCatCommand.Lrw, 0, (ushort)outputs.Length, 6), out byte pdIndex);
        writer.TryAppend(EtherCatCommand.Lrw, pdIndex, 0, outputs);
        int length = writer.Finish();

        frame[16 + 10 + 8] = 3;                       // FRMW working counter as three slaves would leave it
        frame[16 + 20 + 10 + outputs.Length] = 6;     // LRW: two output slaves (2 each) + two input slaves

        int ok = 0;
        if (EtherCatFrameReader.TryCreate(frame.AsSpan(0, length), out var reader) != EtherCatDecodeError.None)
            return -1;
        while (reader.TryReadNext(out var d))
            if (table.Complete(d, out _) == ReplyStatus.Ok)
                ok++;
        return ok;
    }

    [Fact]
    public void EncodeDecodeMatch_TenThousandCycles_AllocateNothing()
    {
        var frame = new byte[1514];
        var outputs = new byte[64];
        var table = new DatagramIndexTable();
        Assert.Equal(2, Cycle(frame, outputs, table));

        long before = GC.GetAllocatedBytesForCurrentThread();
        int ok = 0;
        for (int i = 0; i < 10_000; i++)
            ok += Cycle(frame, outputs, table);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Assert.Equal(20_000, ok);
        Assert.Equal(0, table.PendingCount);
    }
}
