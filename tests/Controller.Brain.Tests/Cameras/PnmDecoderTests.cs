using System.Text;
using Controller.Brain.Cameras;
using FsCheck;
using FsCheck.Fluent;

namespace Controller.Brain.Tests.Cameras;

public class PnmDecoderTests
{
    [Fact]
    public void DecodeRgb_GoldenPpmWithComment_ReadsPixels()
    {
        byte[] file = [.. Encoding.ASCII.GetBytes("P6 # made by hand\n2 1\n# maxval next\n255\n"), 255, 0, 0, 0, 128, 255];
        var rgb = new byte[6];
        PnmHeader h = PnmDecoder.DecodeRgb(file, rgb);
        Assert.Equal((2, 1, 3, 255), (h.Width, h.Height, h.Channels, h.MaxValue));
        Assert.Equal(new byte[] { 255, 0, 0, 0, 128, 255 }, rgb);
    }

    [Fact]
    public void DecodeRgb_PgmWithSmallMaxval_ScalesAndSpreadsGray()
    {
        byte[] file = [.. Encoding.ASCII.GetBytes("P5\n3 1\n15\n"), 0, 15, 7];
        var rgb = new byte[9];
        PnmDecoder.DecodeRgb(file, rgb);
        Assert.Equal(new byte[] { 0, 0, 0, 255, 255, 255, 119, 119, 119 }, rgb);
    }

    [Fact]
    public void DecodeRgb_SixteenBitPpm_MatchesEightBit()
    {
        byte[] image = CameraFixtures.Gradient(5, 4, 3);
        var rgb = new byte[image.Length];
        PnmDecoder.DecodeRgb(CameraFixtures.Ppm16(5, 4, image), rgb);
        Assert.Equal(image, rgb);
    }

    [Theory]
    [InlineData("P3\n1 1\n255\n", "magic")]
    [InlineData("P6\n0 1\n255\n", "width 0")]
    [InlineData("P6\n1 1\n70000\n", "maxval")]
    [InlineData("P6\n1 x\n255\n", "height")]
    [InlineData("P6\n2 2\n255\n\x01\x02", "needs 12 bytes")]
    [InlineData("P6\n1 1\n255", "whitespace")]
    public void ReadHeader_Malformed_ThrowsNamingTheField(string text, string named)
    {
        var e = Assert.Throws<FrameDecodeException>(() => PnmDecoder.ReadHeader(Encoding.Latin1.GetBytes(text)));
        Assert.Contains(named, e.Message);
    }

    [Fact]
    public void DecodeRgb_RandomImages_RoundTrip() =>
        Prop.ForAll(Gen.Choose(0, int.MaxValue - 1).ToArbitrary(), seed =>
        {
            var rng = new Random(seed);
            int w = rng.Next(1, 20), h = rng.Next(1, 20);
            var image = new byte[w * h * 3];
            rng.NextBytes(image);
            var rgb = new byte[image.Length];
            PnmDecoder.DecodeRgb(CameraFixtures.Ppm(w, h, image, rng.Next(2) == 0 ? "" : "c"), rgb);
            var gray = image.Take(w * h).ToArray();
            var fromGray = new byte[image.Length];
            PnmDecoder.DecodeRgb(CameraFixtures.Pgm(w, h, gray), fromGray);
            return rgb.SequenceEqual(image) && Enumerable.Range(0, w * h).All(i => fromGray[3 * i] == gray[i] && fromGray[3 * i + 2] == gray[i]);
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void DecodeRgb_RandomBytes_DecodesOrThrowsFrameDecodeException() =>
        Prop.ForAll(Gen.Choose(0, int.MaxValue - 1).ToArbitrary(), seed =>
        {
            byte[] bytes = CameraFixtures.RandomBytes(seed);
            if (seed % 2 == 0 && bytes.Length >= 2) { bytes[0] = (byte)'P'; bytes[1] = (byte)'6'; }
            return DecodesOrThrowsDocumented(bytes);
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void DecodeRgb_MutatedValidFiles_DecodesOrThrowsFrameDecodeException()
    {
        byte[][] valid = [CameraFixtures.Ppm(4, 3, CameraFixtures.Gradient(4, 3, 1), "x"), CameraFixtures.Pgm(5, 2, new byte[10]), CameraFixtures.Ppm16(2, 2, CameraFixtures.Gradient(2, 2, 2))];
        Prop.ForAll(Gen.Choose(0, int.MaxValue - 1).ToArbitrary(), seed => DecodesOrThrowsDocumented(CameraFixtures.Mutate(valid[seed % valid.Length], seed)))
            .QuickCheckThrowOnFailure();
    }

    private static bool DecodesOrThrowsDocumented(byte[] bytes)
    {
        try
        {
            PnmHeader h = PnmDecoder.ReadHeader(bytes);
            var rgb = new byte[h.Width * h.Height * 3];
            PnmHeader again = PnmDecoder.DecodeRgb(bytes, rgb);
            return again == h && h.DataOffset + h.RasterBytes <= bytes.Length;
        }
        catch (FrameDecodeException e)
        {
            return e.Message.StartsWith("PNM: ", StringComparison.Ordinal);
        }
    }
}
