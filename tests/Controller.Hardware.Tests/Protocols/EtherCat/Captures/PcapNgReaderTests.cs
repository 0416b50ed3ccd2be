using Controller.Hardware.Protocols.EtherCat.Captures;
using FsCheck;
using FsCheck.Fluent;

namespace Controller.Hardware.Tests.Protocols.EtherCat.Captures;

public class PcapNgReaderTests
{
    private static byte[] TwoSections(bool bigEndian) => new PcapNgTestImage(bigEndian)
        .Section().Interface(1, null).Interface(1, 9)
        .Packet(0, 1_700_000_000_123_456UL, [1, 2, 3, 4, 5])
        .Block(5, new byte[16])                                    // interface statistics: skipped
        .Packet(1, 1_700_000_000_123_456_789UL, [9, 8, 7], 60)
        .Section().Interface(1, 0x80 | 10)                         // a new section restarts interface ids
        .Packet(0, 3UL << 10 | 512, [0xAA])
        .ToArray();

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Read_SyntheticFileInEitherByteOrder_ReturnsPacketsWithScaledTimestamps(bool bigEndian)
    {
        var packets = PcapNgReader.Read(TwoSections(bigEndian));
        Assert.Equal(3, packets.Count);
        Assert.Equal([1, 2, 3, 4, 5], packets[0].Data.ToArray());
        Assert.Equal(1_700_000_000_123_456_000L, packets[0].TimestampNs);
        Assert.Equal([9, 8, 7], packets[1].Data.ToArray());
        Assert.Equal(60, packets[1].OriginalLength);
        Assert.Equal(1, packets[1].InterfaceId);
        Assert.Equal(1_700_000_000_123_456_789L, packets[1].TimestampNs);
        Assert.Equal(3_500_000_000L, packets[2].TimestampNs);
        Assert.Equal([1, 2, 3], packets.Select(p => p.Number));
        Assert.All(packets, p => Assert.Equal(PcapNgReader.LinkTypeEthernet, p.LinkType));
    }

    [Fact]
    public void ReadFile_RealCapture_MatchesWiresharkFrameCountAndFirstTimestamp()
    {
        var packets = EtherCatTestData.Packets("replay-ek1914-el3004-mailbox");
        Assert.Equal(994, packets.Count);
        // tshark: "Arrival Time: Mar 15, 2026 02:16:47.813262247 UTC", 29 bytes on wire.
        Assert.Equal(1773541007_813262247L, packets[0].TimestampNs);
        Assert.Equal(29, packets[0].Data.Length);
        Assert.Equal(60, packets[1].Data.Length);
    }

    [Fact]
    public void Read_DoesNotStartWithSection_ThrowsNamingBlockAndOffset()
    {
        var image = new PcapNgTestImage(false).Interface(1, null).ToArray();
        var ex = Assert.Throws<PcapNgFormatException>(() => PcapNgReader.Read(image));
        Assert.Equal(1u, ex.BlockType);
        Assert.Equal(0, ex.Offset);
        Assert.Contains("IDB", ex.Message);
    }

    [Fact]
    public void Read_BadByteOrderMagic_Throws()
    {
        var image = TwoSections(false);
        image[8] = 0x00;
        var ex = Assert.Throws<PcapNgFormatException>(() => PcapNgReader.Read(image));
        Assert.Contains("byte-order magic", ex.Message);
    }

    [Fact]
    public void Read_PacketOnUndescribedInterface_ThrowsAtItsOffset()
    {
        var image = new PcapNgTestImage(false).Section().Interface(1, null).Packet(3, 0, [1]).ToArray();
        var ex = Assert.Throws<PcapNgFormatException>(() => PcapNgReader.Read(image));
        Assert.Equal(PcapNgBlockTypes.EnhancedPacket, ex.BlockType);
        Assert.Equal(28 + 20, ex.Offset);
        Assert.Contains("interface id 3", ex.Message);
    }

    [Fact]
    public void Read_TrailingLengthDiffers_Throws()
    {
        var image = TwoSections(false);
        image[^1] = 0x7F;
        var ex = Assert.Throws<PcapNgFormatException>(() => PcapNgReader.Read(image));
        Assert.Contains("trailing block length", ex.Message);
    }

    [Fact]
    public void Read_CapturedLengthBeyondBlock_Throws()
    {
        var image = new PcapNgTestImage(false).Section().Interface(1, null).Packet(0, 0, [1, 2, 3, 4]).ToArray();
        image[28 + 20 + 8 + 12] = 200;
        var ex = Assert.Throws<PcapNgFormatException>(() => PcapNgReader.Read(image));
        Assert.Contains("captured length 200", ex.Message);
    }

    [Fact]
    public void Read_MutatedRealCapture_ReadsOrThrowsOnlyFormatException()
    {
        var original = File.ReadAllBytes(EtherCatTestData.CapturePath("soem-sdinfo-ek1100-el1004.pcapng"))[..4096];
        Prop.ForAll(Gen.Choose(0, int.MaxValue - 1).ToArbitrary(), seed =>
        {
            var rng = new Random(seed);
            var image = (byte[])original.Clone();
            for (int i = rng.Next(1, 4); i > 0; i--)
            {
                int at = rng.Next(image.Length);
                if (rng.Next(4) == 0) image = image[..at];
                else image[at] = (byte)rng.Next(256);
            }
            return ReadsOrThrowsFormatException(image);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Read_RandomBytesAfterValidSection_ReadsOrThrowsOnlyFormatException()
    {
        var header = new PcapNgTestImage(false).Section().Interface(1, 9).ToArray();
        Prop.ForAll(Gen.Choose(0, int.MaxValue - 1).ToArbitrary(), seed =>
        {
            var rng = new Random(seed);
            var tail = new byte[rng.Next(0, 80)];
            rng.NextBytes(tail);
            return ReadsOrThrowsFormatException([.. header, .. tail]);
        }).QuickCheckThrowOnFailure();
    }

    private static bool ReadsOrThrowsFormatException(byte[] image)
    {
        try
        {
            var packets = PcapNgReader.Read(image);
            return packets.All(p => p.Data.Length <= image.Length);
        }
        catch (PcapNgFormatException ex)
        {
            return ex.Offset >= 0 && ex.Offset < image.Length;
        }
    }
}
