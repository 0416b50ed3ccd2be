using System.Buffers.Binary;
using Controller.Hardware.Protocols.EtherCat;

namespace Controller.Hardware.Tests.Protocols.EtherCat;

public class EtherCatFrameWriterTests
{
    private static readonly MacAddress MasterMac = new(0x10_10_10_10_10_10);

    [Fact]
    public void Finish_BrdOfOneByte_MatchesFirstFrameOfRealCapture()
    {
        // Frame 1 of replay-ek1914-el3004-mailbox: ethercrab's BRD of register 0x0000, one byte, index 0.
        var captured = EtherCatTestData.Packets("replay-ek1914-el3004-mailbox")[0].Data.ToArray();
        var buffer = new byte[1514];
        var writer = new EtherCatFrameWriter(buffer, MacAddress.Broadcast, MasterMac);
        Assert.True(writer.TryAppend(EtherCatCommand.Brd, 0, EtherCatAddress.Physical(0, 0x0000), 1, out _));
        int length = writer.Finish();

        Assert.Equal(29, captured.Length); // captured on the sending host, before the NIC padded it
        Assert.Equal(60, length);
        Assert.Equal(captured, buffer[..29]);
        Assert.All(buffer[29..60], b => Assert.Equal(0, b));
    }

    [Fact]
    public void TryAppend_ThreeDatagrams_SetsMoreFollowsOnAllButLast()
    {
        var buffer = new byte[1514];
        var writer = new EtherCatFrameWriter(buffer, MacAddress.Broadcast, MasterMac);
        Assert.True(writer.TryAppend(EtherCatCommand.Frmw, 1, EtherCatAddress.Physical(0x1000, 0x0910), 8, out _));
        Assert.True(writer.TryAppend(EtherCatCommand.Lrw, 2, 0x0001_0000, new byte[] { 1, 2, 3 }));
        Assert.True(writer.TryAppend(EtherCatCommand.Fprd, 3, EtherCatAddress.Physical(0x1001, 0x0130), 2, out _));
        int length = writer.Finish();

        Assert.Equal(16 + (12 + 8) + (12 + 3) + (12 + 2), length);
        Assert.Equal(0x1000 | (12 + 8 + 12 + 3 + 12 + 2), BinaryPrimitives.ReadUInt16LittleEndian(buffer.AsSpan(14)));
        Assert.Equal(0x8008, BinaryPrimitives.ReadUInt16LittleEndian(buffer.AsSpan(16 + 6)));
        Assert.Equal(0x8003, BinaryPrimitives.ReadUInt16LittleEndian(buffer.AsSpan(16 + 20 + 6)));
        Assert.Equal(0x0002, BinaryPrimitives.ReadUInt16LittleEndian(buffer.AsSpan(16 + 35 + 6)));
        Assert.Equal(3, writer.DatagramCount);
    }

    [Fact]
    public void TryAppend_DatagramTooLargeForRemainingSpace_ReturnsFalseAndKeepsFrame()
    {
        var buffer = new byte[100];
        var writer = new EtherCatFrameWriter(buffer, MacAddress.Broadcast, MasterMac);
        Assert.True(writer.TryAppend(EtherCatCommand.Lrd, 7, 0, 60, out _));
        Assert.False(writer.TryAppend(EtherCatCommand.Lrd, 8, 0, 13, out _));
        Assert.False(writer.TryAppend(EtherCatCommand.Lrd, 8, 0, -1, out _));
        int length = writer.Finish();

        Assert.Equal(EtherCatDecodeError.None, EtherCatFrameReader.TryCreate(buffer.AsSpan(0, length), out var reader));
        Assert.True(reader.TryReadNext(out var only));
        Assert.Equal(7, only.Index);
        Assert.False(only.MoreFollows);
        Assert.False(reader.TryReadNext(out _));
        Assert.Equal(EtherCatDecodeError.None, reader.Error);
    }

    [Fact]
    public void TryAppend_LargerThanStandardFrame_ReturnsFalse()
    {
        var buffer = new byte[4096];
        var writer = new EtherCatFrameWriter(buffer, MacAddress.Broadcast, MasterMac);
        Assert.False(writer.TryAppend(EtherCatCommand.Lrw, 0, 0, EtherCatFrameLayout.MaxDatagramDataBytes + 1, out _));
        Assert.True(writer.TryAppend(EtherCatCommand.Lrw, 0, 0, EtherCatFrameLayout.MaxDatagramDataBytes, out _));
        Assert.Equal(1514, writer.Finish());
    }

    [Fact]
    public void Constructor_BufferShorterThanMinimumFrame_ThrowsNamingSizes()
    {
        var ex = Assert.Throws<ArgumentException>(() => new EtherCatFrameWriter(new byte[59], MacAddress.Broadcast, MasterMac));
        Assert.Contains("59", ex.Message);
        Assert.Contains("60", ex.Message);
    }

    [Fact]
    public void AutoIncrement_Position2_NegatesIntoAdp()
    {
        Assert.Equal(0x0130_FFFEu, EtherCatAddress.AutoIncrement(2, 0x0130));
        Assert.Throws<ArgumentOutOfRangeException>(() => EtherCatAddress.AutoIncrement(-1, 0));
    }
}
