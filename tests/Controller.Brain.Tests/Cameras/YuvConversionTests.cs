using Controller.Brain.Cameras;
using FsCheck;
using FsCheck.Fluent;

namespace Controller.Brain.Tests.Cameras;

public class YuvConversionTests
{
    [Theory]
    [InlineData(16, 128, 128, 0, 0, 0)]
    [InlineData(235, 128, 128, 255, 255, 255)]
    [InlineData(81, 90, 240, 255, 0, 0)]     // BT.601 limited-range red
    [InlineData(145, 54, 34, 0, 255, 0)]     // green
    [InlineData(41, 240, 110, 0, 0, 255)]    // blue
    public void Pixel_LimitedRangePrimaries_MatchBt601(byte y, byte u, byte v, byte r, byte g, byte b)
    {
        Span<byte> rgb = stackalloc byte[3];
        YuvConversion.Pixel(y, u, v, fullRange: false, rgb);
        Assert.InRange(Math.Abs(rgb[0] - r), 0, 2);
        Assert.InRange(Math.Abs(rgb[1] - g), 0, 2);
        Assert.InRange(Math.Abs(rgb[2] - b), 0, 2);
    }

    [Fact]
    public void Pixel_FullRangeGray_IsIdentity()
    {
        Span<byte> rgb = stackalloc byte[3];
        for (int y = 0; y < 256; y++)
        {
            YuvConversion.Pixel((byte)y, 128, 128, fullRange: true, rgb);
            Assert.Equal(y, rgb[0]);
            Assert.Equal(y, rgb[1]);
            Assert.Equal(y, rgb[2]);
        }
    }

    [Fact]
    public void YuyvToRgb_GoldenPair_SharesChroma()
    {
        // Two pixels: Y0 = 81, Y1 = 235 with the red chroma pair, then padding to a 6-byte stride.
        byte[] yuyv = [81, 90, 235, 240, 0xEE, 0xEE, 16, 128, 16, 128, 0xEE, 0xEE];
        var rgb = new byte[12];
        YuvConversion.YuyvToRgb(yuyv, 2, 2, 6, rgb);
        Assert.InRange(rgb[0], 253, 255);
        Assert.InRange(rgb[1], 0, 2);
        Assert.Equal(new byte[] { 0, 0, 0, 0, 0, 0 }, rgb[6..]);
    }

    [Fact]
    public void YuyvToRgb_RandomImagesFromRgb_RoundTripWithinQuantisation() =>
        Prop.ForAll(Gen.Choose(0, int.MaxValue - 1).ToArbitrary(), seed =>
        {
            var rng = new Random(seed);
            int w = 2 * rng.Next(1, 10), h = rng.Next(1, 10), stride = 2 * w + 2 * rng.Next(0, 3);
            // Pixel pairs share their colour (chroma is per pair); luma differs freely is not representable exactly.
            var rgb = new byte[w * h * 3];
            var yuyv = new byte[stride * h];
            for (int y = 0; y < h; y++)
                for (int x = 0; x < w; x += 2)
                {
                    byte r = (byte)rng.Next(256), g = (byte)rng.Next(256), b = (byte)rng.Next(256);
                    var (yy, u, v) = CameraFixtures.ToYuv(r, g, b);
                    for (int k = 0; k < 2; k++) { int i = (y * w + x + k) * 3; rgb[i] = r; rgb[i + 1] = g; rgb[i + 2] = b; }
                    int at = y * stride + 2 * x;
                    yuyv[at] = yy; yuyv[at + 1] = u; yuyv[at + 2] = yy; yuyv[at + 3] = v;
                }
            var back = new byte[rgb.Length];
            YuvConversion.YuyvToRgb(yuyv, w, h, stride, back);
            return CameraFixtures.MaxDifference(rgb, back) <= 4;
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void YuyvToRgb_RandomSizesAndBuffers_ConvertsOrThrowsFrameDecodeException() =>
        Prop.ForAll(Gen.Choose(0, int.MaxValue - 1).ToArbitrary(), seed =>
        {
            var rng = new Random(seed);
            int w = rng.Next(-2, 12), h = rng.Next(-2, 8), stride = rng.Next(-4, 30);
            byte[] data = CameraFixtures.RandomBytes(seed, 300);
            var rgb = new byte[Math.Max(0, w) * Math.Max(0, h) * 3];
            try
            {
                YuvConversion.YuyvToRgb(data, w, h, stride, rgb);
                return w >= 2 && w % 2 == 0 && h >= 1 && stride >= 2 * w && data.Length >= stride * (h - 1) + 2 * w;
            }
            catch (FrameDecodeException e)
            {
                return e.Message.StartsWith("YUYV: ", StringComparison.Ordinal);
            }
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void YuyvToRgb_Steady_AllocatesNothing()
    {
        var yuyv = new byte[64 * 48 * 2];
        var rgb = new byte[64 * 48 * 3];
        YuvConversion.YuyvToRgb(yuyv, 64, 48, 128, rgb);
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 200; i++) YuvConversion.YuyvToRgb(yuyv, 64, 48, 128, rgb);
        Assert.Equal(before, GC.GetAllocatedBytesForCurrentThread());
    }
}
