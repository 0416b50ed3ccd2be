using Controller.Hardware.Protocols.EtherCat;

namespace Controller.Hardware.Tests.Protocols.EtherCat;

public class DatagramIndexTableTests
{
    private static byte[] Reply(EtherCatCommand command, byte index, uint address, int length, ushort wkc)
    {
        var frame = new byte[1514];
        var writer = new EtherCatFrameWriter(frame, MacAddress.Broadcast, new MacAddress(2));
        writer.TryAppend(command, index, address, length, out _);
        int n = writer.Finish();
        frame[16 + 10 + length] = (byte)wkc;
        frame[16 + 10 + length + 1] = (byte)(wkc >> 8);
        return frame[..n];
    }

    private static ReplyStatus Complete(DatagramIndexTable table, byte[] frame, out WorkingCounterError error)
    {
        EtherCatFrameReader.TryCreate(frame, out var reader);
        reader.TryReadNext(out var d);
        return table.Complete(d, out error);
    }

    [Fact]
    public void Complete_MatchingReply_OkAndFreesIndex()
    {
        var table = new DatagramIndexTable();
        Assert.True(table.TryReserve(new DatagramRequest(EtherCatCommand.Fprd, EtherCatAddress.Physical(0x1001, 0x0130), 2, 1), out byte idx));
        Assert.Equal(ReplyStatus.Ok, Complete(table, Reply(EtherCatCommand.Fprd, idx, EtherCatAddress.Physical(0x1001, 0x0130), 2, 1), out _));
        Assert.Equal(0, table.PendingCount);
        Assert.Equal(ReplyStatus.UnknownIndex, Complete(table, Reply(EtherCatCommand.Fprd, idx, EtherCatAddress.Physical(0x1001, 0x0130), 2, 1), out _));
    }

    [Fact]
    public void Complete_WrongWorkingCounter_ReturnsStructuredError()
    {
        var table = new DatagramIndexTable();
        uint address = EtherCatAddress.Physical(0x1002, 0x0120);
        table.TryReserve(new DatagramRequest(EtherCatCommand.Fpwr, address, 2, 1), out byte idx);
        Assert.Equal(ReplyStatus.WorkingCounterMismatch, Complete(table, Reply(EtherCatCommand.Fpwr, idx, address, 2, 0), out var error));
        Assert.Equal(new WorkingCounterError(EtherCatCommand.Fpwr, idx, address, 1, 0), error);
        Assert.Equal($"FPWR 0x1002:0x0120 idx {idx}: working counter 0, expected 1", error.ToString());
        Assert.Equal(0, table.PendingCount);
    }

    [Fact]
    public void Complete_AutoIncrementReply_MatchesDespiteIncrementedAdp()
    {
        var table = new DatagramIndexTable();
        table.TryReserve(new DatagramRequest(EtherCatCommand.Aprd, EtherCatAddress.AutoIncrement(1, 0x0000), 1, 1), out byte idx);
        // Two slaves each added one to ADP 0xFFFF on the way round.
        Assert.Equal(ReplyStatus.Ok, Complete(table, Reply(EtherCatCommand.Aprd, idx, EtherCatAddress.Physical(0x0001, 0x0000), 1, 1), out _));
    }

    [Fact]
    public void Complete_ForeignReplies_MismatchKeepsIndexPending()
    {
        var table = new DatagramIndexTable();
        uint address = EtherCatAddress.Physical(0x1001, 0x0130);
        table.TryReserve(new DatagramRequest(EtherCatCommand.Fprd, address, 2, 1), out byte idx);
        Assert.Equal(ReplyStatus.CommandMismatch, Complete(table, Reply(EtherCatCommand.Fpwr, idx, address, 2, 1), out _));
        Assert.Equal(ReplyStatus.AddressMismatch, Complete(table, Reply(EtherCatCommand.Fprd, idx, address + 1, 2, 1), out _));
        Assert.Equal(ReplyStatus.LengthMismatch, Complete(table, Reply(EtherCatCommand.Fprd, idx, address, 4, 1), out _));
        Assert.Equal(1, table.PendingCount);
    }

    [Fact]
    public void TryReserve_All256InFlight_ReturnsFalseUntilOneIsReleased()
    {
        var table = new DatagramIndexTable();
        var seen = new HashSet<byte>();
        for (int i = 0; i < 256; i++)
        {
            Assert.True(table.TryReserve(new DatagramRequest(EtherCatCommand.Nop, 0, 0, 0), out byte idx));
            Assert.True(seen.Add(idx));
        }
        Assert.False(table.TryReserve(new DatagramRequest(EtherCatCommand.Nop, 0, 0, 0), out _));
        table.Release(42);
        Assert.True(table.TryReserve(new DatagramRequest(EtherCatCommand.Nop, 0, 0, 0), out byte reused));
        Assert.Equal(42, reused);
        table.ReleaseAll();
        Assert.Equal(0, table.PendingCount);
    }

    [Theory]
    [InlineData(EtherCatCommand.Fprd, 3, 3)]
    [InlineData(EtherCatCommand.Brw, 2, 6)]
    [InlineData(EtherCatCommand.Frmw, 4, 4)]
    [InlineData(EtherCatCommand.Nop, 9, 0)]
    public void ExpectedWorkingCounter_PerCommand_FollowsSpecification(EtherCatCommand command, int slaves, int expected) =>
        Assert.Equal(expected, command.ExpectedWorkingCounter(slaves));
}
