using Controller.Brain.Cameras;
using FsCheck;
using FsCheck.Fluent;
using SkiaSharp;

namespace Controller.Brain.Tests.Cameras;

public class AviMjpegIndexTests
{
    private static readonly byte[][] Jpegs = Enumerable.Range(0, 3)
        .Select(i => CameraFixtures.Encode(16, 8, CameraFixtures.Solid(16, 8, (byte)(40 + 80 * i), 90, (byte)(200 - 60 * i)), SKEncodedImageFormat.Jpeg))
        .ToArray();

    private static readonly byte[] Valid = CameraFixtures.MjpegAvi(16, 8, Jpegs, fps: 12);

    [Fact]
    public void Read_WrittenAvi_FindsEveryFrameAndTheHeaders()
    {
        var index = AviMjpegIndex.Read(new MemoryStream(Valid));
        Assert.Equal((16, 8), (index.Width, index.Height));
        Assert.Equal(12.0, index.FramesPerSecond);
        Assert.Equal(Jpegs.Length, index.Frames.Count);
        for (int i = 0; i < Jpegs.Length; i++)
            Assert.Equal(Jpegs[i], Valid.AsSpan((int)index.Frames[i].Offset, index.Frames[i].Length).ToArray());
    }

    [Fact]
    public void Read_FramesDecode_ToTheirColours()
    {
        var index = AviMjpegIndex.Read(new MemoryStream(Valid));
        var decoder = new SkiaFrameDecoder();
        var rgb = new byte[16 * 8 * 3];
        for (int i = 0; i < Jpegs.Length; i++)
        {
            var f = index.Frames[i];
            decoder.DecodeRgb(Valid.AsSpan((int)f.Offset, f.Length), rgb, 16, 8, "frame");
            Assert.InRange(rgb[0], 40 + 80 * i - 4, 40 + 80 * i + 4);
            Assert.InRange(rgb[2], 200 - 60 * i - 4, 200 - 60 * i + 4);
        }
    }

    [Fact]
    public void Read_OpenDmlSecondRiff_AppendsItsFrames()
    {
        byte[] avix = CameraFixtures.Riff("AVIX", CameraFixtures.List("movi", CameraFixtures.Chunk("00dc", Jpegs[0])));
        var index = AviMjpegIndex.Read(new MemoryStream([.. Valid, .. avix]));
        Assert.Equal(Jpegs.Length + 1, index.Frames.Count);
    }

    [Fact]
    public void Read_NotMjpeg_ThrowsNamingTheCodec()
    {
        var e = Assert.Throws<FrameDecodeException>(() => AviMjpegIndex.Read(new MemoryStream(CameraFixtures.MjpegAvi(16, 8, Jpegs, compression: "H264"))));
        Assert.Contains("'H264'", e.Message);
    }

    [Fact]
    public void Read_ChunkLargerThanParent_ThrowsNamingChunkAndOffset()
    {
        byte[] bad = (byte[])Valid.Clone();
        int at = IndexOf(bad, "avih"u8);
        BitConverter.TryWriteBytes(bad.AsSpan(at + 4), 100_000u);
        var e = Assert.Throws<FrameDecodeException>(() => AviMjpegIndex.Read(new MemoryStream(bad)));
        Assert.Contains($"'avih' at byte {at} claims 100000 bytes", e.Message);
    }

    [Fact]
    public void Read_RandomBytes_IndexesOrThrowsFrameDecodeException() =>
        Prop.ForAll(Gen.Choose(0, int.MaxValue - 1).ToArbitrary(), seed =>
        {
            byte[] noise = CameraFixtures.RandomBytes(seed, 400);
            if (seed % 2 == 0 && noise.Length >= 12)
            {
                "RIFF"u8.CopyTo(noise);
                BitConverter.TryWriteBytes(noise.AsSpan(4), (uint)(noise.Length - 8));
                "AVI "u8.CopyTo(noise.AsSpan(8));
            }
            return IndexesOrThrowsDocumented(noise);
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void Read_MutatedValidFiles_IndexesOrThrowsFrameDecodeException() =>
        Prop.ForAll(Gen.Choose(0, int.MaxValue - 1).ToArbitrary(), seed => IndexesOrThrowsDocumented(CameraFixtures.Mutate(Valid, seed)))
            .QuickCheckThrowOnFailure();

    private static bool IndexesOrThrowsDocumented(byte[] bytes)
    {
        try
        {
            var index = AviMjpegIndex.Read(new MemoryStream(bytes));
            return index.Frames.Count > 0 && index.Width > 0 && index.Height > 0
                && index.Frames.All(f => f.Length > 0 && f.Offset >= 0 && f.Offset + f.Length <= bytes.Length);
        }
        catch (FrameDecodeException e)
        {
            return e.Message.StartsWith("AVI: ", StringComparison.Ordinal);
        }
    }

    private static int IndexOf(byte[] haystack, ReadOnlySpan<byte> needle) => haystack.AsSpan().IndexOf(needle);
}
