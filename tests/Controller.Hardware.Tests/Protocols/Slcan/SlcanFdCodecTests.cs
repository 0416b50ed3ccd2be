using System.Text;
using Controller.Hardware.Protocols.Slcan;
using Controller.Hardware.Transports.Can;

namespace Controller.Hardware.Tests.Protocols.Slcan;

public class SlcanFdCodecTests
{
    private static string Encode(in CanFdFrame frame, int timestampMs = -1)
    {
        var buffer = new byte[SlcanEncoder.MaxLineLength];
        return Encoding.ASCII.GetString(buffer, 0, SlcanEncoder.EncodeFdFrame(frame, buffer, timestampMs));
    }

    [Fact]
    public void EncodeFdFrame_EachLetter_ByteExact()
    {
        Assert.Equal("d1230\r", Encode(CanFdFrame.Create(0x123, [], bitRateSwitch: false)));
        Assert.Equal("b7FF3AABBCC\r", Encode(CanFdFrame.Create(0x7FF, [0xAA, 0xBB, 0xCC])));
        Assert.Equal("D01ABCDEF9" + string.Concat(Enumerable.Repeat("11", 12)) + "\r",
            Encode(CanFdFrame.Create(0x1ABCDEF, Enumerable.Repeat((byte)0x11, 12).ToArray(), extended: true, bitRateSwitch: false)));
        Assert.Equal("B00000001F" + string.Concat(Enumerable.Repeat("FF", 64)) + "EA5F\r",
            Encode(CanFdFrame.Create(1, Enumerable.Repeat((byte)0xFF, 64).ToArray(), extended: true), timestampMs: 59_999));
    }

    [Fact]
    public void EncodeFdFrame_PaddedLength_UsesDlcHexDigit()
    {
        // 13 bytes pad to 16 = DLC A; 33 bytes pad to 48 = DLC E.
        Assert.StartsWith("b010A", Encode(CanFdFrame.Create(0x10, new byte[13])));
        Assert.Equal(1 + 3 + 1 + 96 + 1, Encode(CanFdFrame.Create(0x10, new byte[33])).Length);
        Assert.StartsWith("b010E", Encode(CanFdFrame.Create(0x10, new byte[33])));
    }

    [Fact]
    public void EncodeFdFrame_ClassicFrame_WritesClassicLine()
    {
        Assert.Equal("t12321122\r", Encode(CanFdFrame.FromClassic(CanFrame.Create(0x123, [0x11, 0x22]))));
        Assert.Equal("r1234\r", Encode(CanFdFrame.FromClassic(CanFrame.CreateRemote(0x123, 4))));
    }

    [Fact]
    public void EncodeFdFrame_Unsendable_ReturnsZero()
    {
        var buffer = new byte[SlcanEncoder.MaxLineLength];
        var badLength = CanFdFrame.Create(0x10, new byte[12]);
        badLength.Length = 13;
        Assert.Equal(0, SlcanEncoder.EncodeFdFrame(badLength, buffer));
        var remote = CanFdFrame.Create(0x10, []);
        remote.Flags |= CanFrameFlags.Remote;
        Assert.Equal(0, SlcanEncoder.EncodeFdFrame(remote, buffer));
        var badId = CanFdFrame.Create(0x10, []);
        badId.Id = 0x800;
        Assert.Equal(0, SlcanEncoder.EncodeFdFrame(badId, buffer));
        Assert.Equal(0, SlcanEncoder.EncodeFdFrame(CanFdFrame.Create(0x10, new byte[64]), new byte[100]));
    }

    [Theory]
    [InlineData("d1230", 0x123u, false, false, 0)]
    [InlineData("b1239" + "000102030405060708090A0B", 0x123u, false, true, 12)]
    [InlineData("D1FFFFFFFF" + "00112233445566778899AABBCCDDEEFF00112233445566778899AABBCCDDEEFF00112233445566778899AABBCCDDEEFF00112233445566778899AABBCCDDEEFF", 0x1FFFFFFFu, true, false, 64)]
    [InlineData("B0000ABCDc" + "000000000000000000000000000000000000000000000000", 0xABCDu, true, true, 24)]
    public void TryDecodeLine_FdLines_DecodeIdFlagsAndLength(string line, uint id, bool extended, bool brs, int length)
    {
        Assert.True(SlcanDecoder.TryDecodeLine(Encoding.ASCII.GetBytes(line), out var message));
        Assert.Equal(SlcanMessageKind.FdFrame, message.Kind);
        var f = message.FdFrame;
        Assert.True(f.IsFd);
        Assert.Equal(id, f.Id);
        Assert.Equal(extended, f.IsExtended);
        Assert.Equal(brs, f.BitRateSwitch);
        Assert.Equal(length, f.Length);
        Assert.False(message.HasTimestamp);
    }

    [Theory]
    [InlineData("d123")] // no DLC
    [InlineData("d8000")] // 11-bit id out of range
    [InlineData("d123G")] // DLC not hex
    [InlineData("d1239" + "0001")] // DLC 9 = 12 bytes, 2 given
    [InlineData("d12310")] // 1 byte announced, half a byte given
    [InlineData("D123")] // short extended id
    [InlineData("D2000000000")] // 29-bit id out of range
    [InlineData("b12310X")] // not hex data
    [InlineData("b12310012345")] // 1 data byte + 5 extra digits (not a timestamp)
    public void TryDecodeLine_MalformedFdLines_Fail(string line)
    {
        Assert.False(SlcanDecoder.TryDecodeLine(Encoding.ASCII.GetBytes(line), out _));
    }

    [Fact]
    public void Push_LongestFdLineWithTimestamp_Decodes()
    {
        var frame = CanFdFrame.Create(0x1FFFFFFF, Enumerable.Range(0, 64).Select(i => (byte)i).ToArray(), extended: true);
        var decoder = new SlcanDecoder();
        SlcanMessage message = default;
        var result = SlcanDecodeResult.NeedMore;
        foreach (byte b in Encoding.ASCII.GetBytes(Encode(frame, 1234))) result = decoder.Push(b, out message);
        Assert.Equal(SlcanDecodeResult.Message, result);
        Assert.Equal(frame, message.FdFrame);
        Assert.Equal(1234, message.TimestampMs);
        Assert.Equal(SlcanDecoder.MaxLineLength + 1, Encode(frame, 1234).Length);
    }

    [Fact]
    public void EncodeDataBitrate_CanableFd_WritesYn()
    {
        var buffer = new byte[3];
        SlcanEncoder.EncodeDataBitrate(5_000_000, SlcanDialect.CanableFd, buffer);
        Assert.Equal("Y5\r", Encoding.ASCII.GetString(buffer));
        Assert.Equal(4_000_000, SlcanBitrates.DataBitrateFor(4, SlcanDialect.CanableFd));
        Assert.Equal(0, SlcanBitrates.DataBitrateFor(3, SlcanDialect.CanableFd));
        Assert.Equal(0, SlcanBitrates.DataBitrateFor(2, SlcanDialect.Canable));
    }

    [Fact]
    public void EncodeDataBitrate_UnsupportedRateOrDialect_ThrowsNamingWhatIsSupported()
    {
        var buffer = new byte[3];
        var rate = Assert.Throws<ArgumentOutOfRangeException>(() => SlcanEncoder.EncodeDataBitrate(3_000_000, SlcanDialect.CanableFd, buffer));
        Assert.Contains("1000000, 2000000, 4000000, 5000000", rate.Message);
        var dialect = Assert.Throws<ArgumentOutOfRangeException>(() => SlcanEncoder.EncodeDataBitrate(2_000_000, SlcanDialect.Lawicel, buffer));
        Assert.Contains("CanableFd", dialect.Message);
    }

    [Fact]
    public void Bitrates_CanableFd_SharesCanableNominalTable()
    {
        Assert.Equal(7, SlcanBitrates.CodeFor(750_000, SlcanDialect.CanableFd));
        Assert.True(SlcanBitrates.SupportsFd(SlcanDialect.CanableFd));
        Assert.False(SlcanBitrates.SupportsFd(SlcanDialect.Canable));
    }
}
