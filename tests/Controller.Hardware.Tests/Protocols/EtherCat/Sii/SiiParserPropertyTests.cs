using Controller.Hardware.Protocols.EtherCat.Sii;
using FsCheck;
using FsCheck.Fluent;

namespace Controller.Hardware.Tests.Protocols.EtherCat.Sii;

public class SiiParserPropertyTests
{
    private static readonly byte[][] Images = EtherCatTestData.Eeproms.Select(f => File.ReadAllBytes(EtherCatTestData.EepromPath(f))).ToArray();

    private static bool ParsesOrThrowsSiiFormatException(byte[] image)
    {
        try
        {
            var sii = SiiParser.Parse(image);
            return sii.Categories.All(c => c.DataOffset + c.Data.Length <= image.Length);
        }
        catch (SiiFormatException ex)
        {
            return ex.ByteOffset >= 0 && ex.ByteOffset <= image.Length && ex.Message.Contains($"0x{ex.ByteOffset:X4}");
        }
    }

    private static int EndOffset(SiiImage sii) => sii.Categories[^1].DataOffset + sii.Categories[^1].Data.Length;

    [Fact]
    public void Parse_EveryTruncationBeforeEndCategory_ThrowsNamingCategoryAndOffset()
    {
        foreach (var image in Images)
        {
            int end = EndOffset(SiiParser.Parse(image));
            for (int length = 0; length <= end + 1; length++)
            {
                var ex = Assert.Throws<SiiFormatException>(() => SiiParser.Parse(image.AsSpan(0, length)));
                Assert.True(ex.ByteOffset <= length, ex.Message);
                if (length >= SiiHeader.Bytes)
                    Assert.NotNull(ex.Category);
            }
            Assert.NotNull(SiiParser.Parse(image.AsSpan(0, end + 2)));
        }
    }

    [Fact]
    public void Parse_PdoEntryCountTooLarge_ThrowsNamingRxPdoCategory()
    {
        var image = (byte[])Images[2].Clone(); // EL2004: RxPDO category data at 0x146, first PDO's entry count at +2
        image[0x146 + 2] = 200;
        var ex = Assert.Throws<SiiFormatException>(() => SiiParser.Parse(image));
        Assert.Equal((ushort)SiiCategoryType.RxPdo, ex.Category);
        Assert.Equal(0x146, ex.ByteOffset);
        Assert.Contains("RxPdo (51)", ex.Message);
    }

    [Fact]
    public void Parse_StringIndexBeyondTable_ThrowsNamingGeneralCategory()
    {
        var image = (byte[])Images[2].Clone(); // EL2004: General data at 0x10A, NameIdx at +3
        image[0x10A + 3] = 42;
        var ex = Assert.Throws<SiiFormatException>(() => SiiParser.Parse(image));
        Assert.Equal((ushort)SiiCategoryType.General, ex.Category);
        Assert.Equal(0x10D, ex.ByteOffset);
        Assert.Contains("string index 42", ex.Message);
    }

    [Fact]
    public void Parse_MutatedRealImages_ParseOrThrowSiiFormatException()
    {
        Prop.ForAll(Gen.Choose(0, int.MaxValue - 1).ToArbitrary(), seed =>
        {
            var rng = new Random(seed);
            var image = (byte[])Images[rng.Next(Images.Length)].Clone();
            int limit = Math.Min(image.Length, 0x400); // where the categories live in these images
            for (int i = rng.Next(1, 5); i > 0; i--)
            {
                int at = rng.Next(SiiHeader.Bytes - 16, limit);
                image[at] = rng.Next(3) == 0 ? (byte)0xFF : (byte)rng.Next(256);
            }
            return ParsesOrThrowsSiiFormatException(image);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Parse_RandomBytes_ParseOrThrowSiiFormatException()
    {
        Prop.ForAll(Gen.Choose(0, int.MaxValue - 1).ToArbitrary(), seed =>
        {
            var rng = new Random(seed);
            var image = new byte[rng.Next(0, 400)];
            rng.NextBytes(image);
            return ParsesOrThrowsSiiFormatException(image);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Crc8_EscConfigurationArea_MatchesStoredChecksumOfEveryImage() =>
        Assert.All(Images, image => Assert.Equal(image[14], SiiHeader.Crc8(image.AsSpan(0, 14))));
}
