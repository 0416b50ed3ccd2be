using System.Text;
using Controller.Hardware.Protocols.Slcan;
using Controller.Hardware.Transports.Can;

namespace Controller.Hardware.Tests.Protocols.Slcan;

public class SlcanCodecTests
{
    internal static List<(SlcanDecodeResult Result, SlcanMessage Message)> Feed(SlcanDecoder decoder, string text)
    {
        var results = new List<(SlcanDecodeResult, SlcanMessage)>();
        foreach (byte b in Encoding.Latin1.GetBytes(text))
        {
            var r = decoder.Push(b, out var m);
            if (r != SlcanDecodeResult.NeedMore) results.Add((r, m));
        }
        return results;
    }

    private static SlcanMessage One(string line)
    {
        var (result, message) = Assert.Single(Feed(new SlcanDecoder(), line));
        Assert.Equal(SlcanDecodeResult.Message, result);
        return message;
    }

    [Theory]
    [InlineData("t1230\r", "123#")]
    [InlineData("t7FF81122334455667788\r", "7FF#1122334455667788")]
    [InlineData("T1234567F2AABB\r", "1234567F#AABB")]
    [InlineData("t0a12dead\r", "0A1#DEAD")]
    [InlineData("r1238\r", "123#R8")]
    [InlineData("R123456781\r", "12345678#R1")]
    public void Push_ValidFrameLine_DecodesFrame(string line, string expected)
    {
        var message = One(line);
        Assert.Equal(SlcanMessageKind.Frame, message.Kind);
        Assert.Equal(expected, message.Frame.ToString());
        Assert.False(message.HasTimestamp);
    }

    [Fact]
    public void Push_FrameWithTimestamp_DecodesMilliseconds()
    {
        var message = One("t1231AAEA5F\r");
        Assert.True(message.HasTimestamp);
        Assert.Equal(59999, message.TimestampMs);
        Assert.Equal("123#AA", message.Frame.ToString());
    }

    [Theory]
    [InlineData("\r", SlcanMessageKind.Ok, 0)]
    [InlineData("\a", SlcanMessageKind.Error, 0)]
    [InlineData("z\r", SlcanMessageKind.TransmitAck, 0)]
    [InlineData("Z\r", SlcanMessageKind.TransmitAck, 0)]
    [InlineData("V1013\r", SlcanMessageKind.Version, 0x1013)]
    [InlineData("F84\r", SlcanMessageKind.StatusFlags, 0x84)]
    public void Push_ReplyLine_DecodesKind(string line, SlcanMessageKind kind, int value)
    {
        var message = One(line);
        Assert.Equal(kind, message.Kind);
        Assert.Equal(value, message.Value);
    }

    [Theory]
    [InlineData("t12\r")]            // too short
    [InlineData("t8000\r")]          // 0x800 is not an 11-bit identifier
    [InlineData("T200000000\r")]     // 0x20000000 is not a 29-bit identifier
    [InlineData("t1239\r")]          // length 9 is CAN FD, not classic
    [InlineData("t1232AA\r")]        // one byte short
    [InlineData("t1231AAB\r")]       // odd trailing digit: neither data nor timestamp
    [InlineData("t1231GG\r")]        // not hex
    [InlineData("x\r")]              // unknown
    [InlineData("V12\r")]            // version too short
    public void Push_InvalidLine_IsMalformedAndCounted(string line)
    {
        var decoder = new SlcanDecoder();
        var (result, _) = Assert.Single(Feed(decoder, line));
        Assert.Equal(SlcanDecodeResult.Malformed, result);
        Assert.Equal(1, decoder.MalformedLines);
    }

    [Fact]
    public void Push_GarbageThenValidLine_Resynchronises()
    {
        var decoder = new SlcanDecoder();
        var results = Feed(decoder, "\u00ff\u0001t12\u0013xx" + new string('q', 80) + "\rt1232CAFE\r");
        Assert.Equal(SlcanDecodeResult.Malformed, results[0].Result);
        Assert.Equal("123#CAFE", results[^1].Message.Frame.ToString());
    }

    [Fact]
    public void Push_BelInsidePartialLine_DropsItAndReportsError()
    {
        var decoder = new SlcanDecoder();
        var results = Feed(decoder, "t12\at1230\r");
        Assert.Equal(SlcanMessageKind.Error, results[0].Message.Kind);
        Assert.Equal("123#", results[1].Message.Frame.ToString());
        Assert.Equal(1, decoder.MalformedLines);
    }

    [Fact]
    public void Push_CrLfLineEnds_AreAccepted() =>
        Assert.Equal(SlcanMessageKind.Frame, Assert.Single(Feed(new SlcanDecoder(), "t1230\r\n")).Message.Kind);

    [Theory]
    [InlineData(0x123u, false, false, "t12321122\r")]
    [InlineData(0x1ABCDEF0u, true, false, "T1ABCDEF021122\r")]
    [InlineData(0x7FFu, false, true, "r7FF2\r")]
    [InlineData(0x1u, true, true, "R000000012\r")]
    public void EncodeFrame_Frames_AreByteExact(uint id, bool extended, bool remote, string expected)
    {
        var frame = remote ? CanFrame.CreateRemote(id, 2, extended) : CanFrame.Create(id, [0x11, 0x22], extended);
        var buffer = new byte[SlcanEncoder.MaxLineLength];
        int n = SlcanEncoder.EncodeFrame(frame, buffer);
        Assert.Equal(expected, Encoding.ASCII.GetString(buffer, 0, n));
    }

    [Fact]
    public void EncodeFrame_ErrorFrameOrSmallBuffer_ReturnsZero()
    {
        Assert.Equal(0, SlcanEncoder.EncodeFrame(CanFrame.CreateError(CanErrorClass.BusOff, 0), new byte[32]));
        Assert.Equal(0, SlcanEncoder.EncodeFrame(CanFrame.Create(1, [1, 2, 3]), new byte[5]));
    }

    [Fact]
    public void Bitrates_S7_DiffersBetweenDialects()
    {
        Assert.Equal(7, SlcanBitrates.CodeFor(800_000, SlcanDialect.Lawicel));
        Assert.Equal(7, SlcanBitrates.CodeFor(750_000, SlcanDialect.Canable));
        Assert.Equal(9, SlcanBitrates.CodeFor(83_333, SlcanDialect.Canable));
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => SlcanBitrates.CodeFor(800_000, SlcanDialect.Canable));
        Assert.Contains("750000", ex.Message);
    }

    [Fact]
    public void EncodeBitrate_OneMegabit_IsS8()
    {
        var buffer = new byte[3];
        SlcanEncoder.EncodeBitrate(1_000_000, SlcanDialect.Lawicel, buffer);
        Assert.Equal("S8\r", Encoding.ASCII.GetString(buffer));
    }
}
