using Controller.Brain.Cameras;
using FsCheck;
using FsCheck.Fluent;
using SkiaSharp;

namespace Controller.Brain.Tests.Cameras;

public class SkiaFrameDecoderTests
{
    private static readonly byte[] Jpeg = CameraFixtures.Encode(8, 8, CameraFixtures.Gradient(8, 8, 4), SKEncodedImageFormat.Jpeg);
    private static readonly byte[] Png = CameraFixtures.Encode(8, 8, CameraFixtures.Gradient(8, 8, 5), SKEncodedImageFormat.Png);

    [Fact]
    public void DecodeRgb_Png_IsLossless()
    {
        var rgb = new byte[8 * 8 * 3];
        new SkiaFrameDecoder().DecodeRgb(Png, rgb, 8, 8, "png");
        Assert.Equal(CameraFixtures.Gradient(8, 8, 5), rgb);
    }

    [Fact]
    public void DecodeRgb_WrongSize_ThrowsNamingBothSizes()
    {
        var e = Assert.Throws<FrameDecodeException>(() => new SkiaFrameDecoder().DecodeRgb(Png, new byte[16 * 8 * 3], 16, 8, "a.png"));
        Assert.Contains("a.png: the image is 8×8; this source's frames are 16×8", e.Message);
    }

    [Fact]
    public void DecodeRgb_RandomAndMutatedImages_DecodesOrThrowsFrameDecodeException() =>
        Prop.ForAll(Gen.Choose(0, int.MaxValue - 1).ToArbitrary(), seed =>
        {
            byte[] bytes = (seed % 3) switch
            {
                0 => CameraFixtures.RandomBytes(seed),
                1 => CameraFixtures.Mutate(Jpeg, seed),
                _ => CameraFixtures.Mutate(Png, seed),
            };
            try
            {
                new SkiaFrameDecoder().DecodeRgb(bytes, new byte[8 * 8 * 3], 8, 8, "fuzz");
                return true;
            }
            catch (FrameDecodeException e)
            {
                return e.Message.StartsWith("fuzz: ", StringComparison.Ordinal);
            }
        }).QuickCheckThrowOnFailure();
}
