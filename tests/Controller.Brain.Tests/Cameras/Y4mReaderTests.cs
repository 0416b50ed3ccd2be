using System.Text;
using Controller.Brain.Cameras;
using FsCheck;
using FsCheck.Fluent;

namespace Controller.Brain.Tests.Cameras;

public class Y4mReaderTests
{
    private static Y4mReader Reader(byte[] bytes) => new(new MemoryStream(bytes));

    [Fact]
    public void Header_Ffmpeg420_ParsesEveryTag()
    {
        byte[] file = Encoding.ASCII.GetBytes("YUV4MPEG2 W4 H2 F30000:1001 It A1:1 C420mpeg2 XYSCSS=420MPEG2 XCOLORRANGE=FULL\n");
        using var r = Reader(file);
        Assert.Equal((4, 2, "420mpeg2", 1, 1, true), (r.Header.Width, r.Header.Height, r.Header.ColorSpace, r.Header.ChromaShiftX, r.Header.ChromaShiftY, r.Header.FullRange));
        Assert.Equal(29.97, r.Header.FramesPerSecond!.Value, 0.01);
        Assert.Equal(file.Length, r.Header.DataOffset);
        Assert.Equal(8 + 2 * 2, r.Header.FrameBytes);
        Assert.False(r.ReadFrame(new byte[24]));
    }

    [Theory]
    [InlineData("444")]
    [InlineData("420jpeg")]
    public void ReadFrame_RandomBlockImages_RoundTrip(string colorSpace) =>
        Prop.ForAll(Gen.Choose(0, int.MaxValue - 1).ToArbitrary(), seed =>
        {
            var rng = new Random(seed);
            int w = rng.Next(1, 9), h = rng.Next(1, 9), count = rng.Next(1, 4);
            // Colour constant over 2×2 blocks, so 4:2:0 subsampling loses nothing but rounding.
            var frames = Enumerable.Range(0, count).Select(_ =>
            {
                var colours = Enumerable.Range(0, 25).Select(_ => ((byte)rng.Next(256), (byte)rng.Next(256), (byte)rng.Next(256))).ToArray();
                var rgb = new byte[w * h * 3];
                for (int y = 0; y < h; y++)
                    for (int x = 0; x < w; x++)
                    {
                        var (r, g, b) = colours[(y / 2) * 5 + x / 2];
                        int i = (y * w + x) * 3;
                        rgb[i] = r; rgb[i + 1] = g; rgb[i + 2] = b;
                    }
                return rgb;
            }).ToList();
            using var reader = Reader(CameraFixtures.Y4m(w, h, frames, colorSpace));
            var back = new byte[w * h * 3];
            foreach (byte[] expected in frames)
            {
                if (!reader.ReadFrame(back) || CameraFixtures.MaxDifference(expected, back) > 4) return false;
            }
            return !reader.ReadFrame(back) && reader.FrameIndex == count;
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void Rewind_AfterLastFrame_ReadsFirstAgain()
    {
        var frames = new[] { CameraFixtures.Solid(2, 2, 200, 10, 10), CameraFixtures.Solid(2, 2, 10, 10, 200) };
        using var reader = Reader(CameraFixtures.Y4m(2, 2, frames, frameLine: "FRAME Ixyz"));
        var rgb = new byte[12];
        Assert.True(reader.ReadFrame(rgb));
        Assert.True(reader.ReadFrame(rgb));
        Assert.False(reader.ReadFrame(rgb));
        reader.Rewind();
        Assert.True(reader.ReadFrame(rgb));
        Assert.InRange(rgb[0], 196, 204);
    }

    [Fact]
    public void ReadFrame_Mono_IsGray()
    {
        byte[] file = [.. Encoding.ASCII.GetBytes("YUV4MPEG2 W2 H1 Cmono XCOLORRANGE=FULL\nFRAME\n"), 7, 250];
        using var reader = Reader(file);
        var rgb = new byte[6];
        Assert.True(reader.ReadFrame(rgb));
        Assert.Equal(new byte[] { 7, 7, 7, 250, 250, 250 }, rgb);
    }

    [Theory]
    [InlineData("YUV4MPEG3 W2 H2\n", "does not start")]
    [InlineData("YUV4MPEG2 W2\n", "lacks H")]
    [InlineData("YUV4MPEG2 W2 H2 C420p10\n", "C420p10")]
    [InlineData("YUV4MPEG2 W0 H2\n", "W (width) '0'")]
    [InlineData("YUV4MPEG2 W2 H2 Fabc\n", "F (frame rate)")]
    [InlineData("YUV4MPEG2 W2 H2 Q1\n", "unknown header tag 'Q1'")]
    [InlineData("YUV4MPEG2 W2 H2", "no '\\n'")]
    public void Header_Malformed_ThrowsNamingTheTag(string text, string named)
    {
        var e = Assert.Throws<FrameDecodeException>(() => Reader(Encoding.ASCII.GetBytes(text)));
        Assert.Contains(named, e.Message);
    }

    [Fact]
    public void ReadFrame_CutShort_ThrowsNamingTheFrame()
    {
        byte[] file = CameraFixtures.Y4m(4, 4, [CameraFixtures.Solid(4, 4, 1, 2, 3), CameraFixtures.Solid(4, 4, 1, 2, 3)]);
        using var reader = Reader(file[..^5]);
        var rgb = new byte[48];
        Assert.True(reader.ReadFrame(rgb));
        var e = Assert.Throws<FrameDecodeException>(() => reader.ReadFrame(rgb));
        Assert.Contains("frame 1", e.Message);
    }

    [Fact]
    public void ReadFrame_RandomBytes_ReadsOrThrowsFrameDecodeException() =>
        Prop.ForAll(Gen.Choose(0, int.MaxValue - 1).ToArbitrary(), seed =>
        {
            byte[] noise = CameraFixtures.RandomBytes(seed);
            byte[] bytes = seed % 2 == 0 ? [.. "YUV4MPEG2 W3 H2 C444\n"u8.ToArray(), .. noise] : noise;
            return ReadsOrThrowsDocumented(bytes);
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void ReadFrame_MutatedValidFiles_ReadsOrThrowsFrameDecodeException()
    {
        byte[][] valid =
        [
            CameraFixtures.Y4m(3, 3, [CameraFixtures.Gradient(3, 3, 1), CameraFixtures.Gradient(3, 3, 2)], "420jpeg"),
            CameraFixtures.Y4m(2, 2, [CameraFixtures.Gradient(2, 2, 1)], "444", frameLine: "FRAME Ip"),
        ];
        Prop.ForAll(Gen.Choose(0, int.MaxValue - 1).ToArbitrary(), seed => ReadsOrThrowsDocumented(CameraFixtures.Mutate(valid[seed % valid.Length], seed)))
            .QuickCheckThrowOnFailure();
    }

    private static bool ReadsOrThrowsDocumented(byte[] bytes)
    {
        try
        {
            using var reader = Reader(bytes);
            var rgb = new byte[reader.Header.Width * reader.Header.Height * 3];
            int frames = 0;
            while (reader.ReadFrame(rgb)) frames++;
            return reader.FrameIndex == frames && frames * (long)reader.Header.FrameBytes <= bytes.Length;
        }
        catch (FrameDecodeException e)
        {
            return e.Message.StartsWith("Y4M: ", StringComparison.Ordinal);
        }
    }
}
