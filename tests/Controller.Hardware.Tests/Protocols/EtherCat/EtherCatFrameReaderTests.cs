using System.Buffers.Binary;
using Controller.Hardware.Protocols.EtherCat;

namespace Controller.Hardware.Tests.Protocols.EtherCat;

public class EtherCatFrameReaderTests
{
    // Frame 2 of replay-ek1914-el3004-mailbox: the BRD reply, two slaves answered, padded to 60 bytes.
    private static byte[] BrdReply() => EtherCatTestData.Packets("replay-ek1914-el3004-mailbox")[1].Data.ToArray();

    private static EtherCatDecodeError DecodeAll(ReadOnlySpan<byte> frame)
    {
        var error = EtherCatFrameReader.TryCreate(frame, out var reader);
        if (error != EtherCatDecodeError.None)
            return error;
        while (reader.TryReadNext(out _)) { }
        return reader.Error;
    }

    [Fact]
    public void TryReadNext_RealBrdReply_DecodesEveryField()
    {
        var frame = BrdReply();
        Assert.Equal(EtherCatDecodeError.None, EtherCatFrameReader.TryCreate(frame, out var reader));
        Assert.Equal(13, reader.PayloadLength);
        Assert.True(reader.TryReadNext(out var d));
        Assert.Equal(EtherCatCommand.Brd, d.Command);
        Assert.Equal(0, d.Index);
        Assert.Equal(2, d.Adp); // incremented by both slaves
        Assert.Equal(0, d.Ado);
        Assert.Equal(1, d.Data.Length);
        Assert.Equal(2, d.WorkingCounter);
        Assert.False(d.MoreFollows);
        Assert.False(d.Circulating);
        Assert.Equal(16, d.HeaderOffset);
        Assert.Equal(27, d.WorkingCounterOffset);
        Assert.False(reader.TryReadNext(out _));
        Assert.Equal(EtherCatDecodeError.None, reader.Error);
    }

    [Fact]
    public void TryCreate_VlanTaggedFrame_SkipsTag()
    {
        var plain = BrdReply();
        var tagged = plain[..12].Concat(new byte[] { 0x81, 0x00, 0x00, 0x05 }).Concat(plain[12..]).ToArray();
        Assert.Equal(EtherCatDecodeError.None, EtherCatFrameReader.TryCreate(tagged, out var reader));
        Assert.Equal(20, reader.FirstDatagramOffset);
        Assert.True(reader.TryReadNext(out var d));
        Assert.Equal(2, d.WorkingCounter);
    }

    [Fact]
    public void TryCreate_ShortFrame_FrameTooShort() => Assert.Equal(EtherCatDecodeError.FrameTooShort, DecodeAll(BrdReply()[..15]));

    [Fact]
    public void TryCreate_Ipv4EtherType_NotEtherCat()
    {
        var frame = BrdReply();
        frame[12] = 0x08; frame[13] = 0x00;
        Assert.Equal(EtherCatDecodeError.NotEtherCat, DecodeAll(frame));
    }

    [Fact]
    public void TryCreate_MailboxGatewayType_UnsupportedFrameType()
    {
        var frame = BrdReply();
        frame[15] = 0x50;
        Assert.Equal(EtherCatDecodeError.UnsupportedFrameType, DecodeAll(frame));
    }

    [Fact]
    public void TryCreate_LengthBeyondFrame_FrameLengthExceedsFrame()
    {
        var frame = BrdReply();
        BinaryPrimitives.WriteUInt16LittleEndian(frame.AsSpan(14), 0x1000 | 45);
        Assert.Equal(EtherCatDecodeError.FrameLengthExceedsFrame, DecodeAll(frame));
    }

    [Fact]
    public void TryCreate_LengthBelowOneDatagram_NoDatagrams()
    {
        var frame = BrdReply();
        BinaryPrimitives.WriteUInt16LittleEndian(frame.AsSpan(14), 0x1000 | 11);
        Assert.Equal(EtherCatDecodeError.NoDatagrams, DecodeAll(frame));
    }

    [Fact]
    public void TryReadNext_CommandAbove14_UnknownCommand()
    {
        var frame = BrdReply();
        frame[16] = 15;
        Assert.Equal(EtherCatDecodeError.UnknownCommand, DecodeAll(frame));
    }

    [Fact]
    public void TryReadNext_DataLongerThanHeaderLength_DatagramDataTruncated()
    {
        var frame = BrdReply();
        frame[22] = 2;
        Assert.Equal(EtherCatDecodeError.DatagramDataTruncated, DecodeAll(frame));
    }

    [Fact]
    public void TryReadNext_LastDatagramShorterThanHeaderLength_TrailingBytes()
    {
        var frame = BrdReply();
        BinaryPrimitives.WriteUInt16LittleEndian(frame.AsSpan(14), 0x1000 | 14);
        Assert.Equal(EtherCatDecodeError.TrailingBytesAfterLastDatagram, DecodeAll(frame));
    }

    [Fact]
    public void TryReadNext_MoreFollowsOnOnlyDatagram_MoreFollowsPastEnd()
    {
        var frame = BrdReply();
        frame[23] |= 0x80;
        Assert.Equal(EtherCatDecodeError.MoreFollowsPastEnd, DecodeAll(frame));
    }

    [Fact]
    public void TryReadNext_MoreFollowsWithTooFewBytesLeft_DatagramHeaderTruncated()
    {
        var frame = BrdReply();
        frame[23] |= 0x80;
        BinaryPrimitives.WriteUInt16LittleEndian(frame.AsSpan(14), 0x1000 | 13 + 9);
        Assert.Equal(EtherCatDecodeError.DatagramHeaderTruncated, DecodeAll(frame));
    }

    [Fact]
    public void TryReadNext_CirculatingBitSet_IsReported()
    {
        var frame = BrdReply();
        frame[23] |= 0x40;
        Assert.Equal(EtherCatDecodeError.None, EtherCatFrameReader.TryCreate(frame, out var reader));
        Assert.True(reader.TryReadNext(out var d));
        Assert.True(d.Circulating);
        Assert.Equal(1, d.Data.Length);
    }
}
