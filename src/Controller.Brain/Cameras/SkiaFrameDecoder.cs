using SkiaSharp;

namespace Controller.Brain.Cameras;

/// <summary>
/// PNG and JPEG (and whatever else Skia's codecs read) into RGB8, through <see cref="SKCodec"/>: the size is read
/// from the header, the pixels decoded into a reused RGBA buffer and packed to RGB. Meant for a capture thread
/// (Skia's wrappers allocate a little per image); one instance per thread.
/// </summary>
public sealed class SkiaFrameDecoder
{
    private byte[] _rgba = [];

    /// <summary>The size of the encoded image in <paramref name="encoded"/>.</summary>
    /// <exception cref="FrameDecodeException">Skia does not recognise the bytes as an image.</exception>
    public static (int Width, int Height) ReadSize(ReadOnlySpan<byte> encoded, string what)
    {
        using var data = SKData.CreateCopy(encoded);
        using var codec = SKCodec.Create(data) ?? throw new FrameDecodeException($"{what}: not an image Skia can decode ({encoded.Length} bytes, starting {Hex(encoded)}).");
        return (codec.Info.Width, codec.Info.Height);
    }

    /// <summary>
    /// Decodes <paramref name="encoded"/> into <paramref name="rgb"/> as a <paramref name="width"/> × <paramref name="height"/>
    /// RGB8 frame; alpha is dropped.
    /// </summary>
    /// <exception cref="FrameDecodeException">Not decodable, cut short, or another size than expected.</exception>
    public void DecodeRgb(ReadOnlySpan<byte> encoded, Span<byte> rgb, int width, int height, string what)
    {
        if (rgb.Length < (long)width * height * 3)
            throw new ArgumentException($"A {width}×{height} RGB8 frame needs {(long)width * height * 3} bytes; the buffer has {rgb.Length}.", nameof(rgb));
        using var data = SKData.CreateCopy(encoded);
        using var codec = SKCodec.Create(data) ?? throw new FrameDecodeException($"{what}: not an image Skia can decode ({encoded.Length} bytes, starting {Hex(encoded)}).");
        if (codec.Info.Width != width || codec.Info.Height != height)
            throw new FrameDecodeException($"{what}: the image is {codec.Info.Width}×{codec.Info.Height}; this source's frames are {width}×{height}.");
        int bytes = width * height * 4;
        if (_rgba.Length < bytes) _rgba = new byte[bytes];
        var info = new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Unpremul);
        SKCodecResult result;
        unsafe
        {
            fixed (byte* p = _rgba) result = codec.GetPixels(info, (IntPtr)p);
        }

        if (result != SKCodecResult.Success)
            throw new FrameDecodeException($"{what}: decoding failed ({result}).");
        for (int i = 0, j = 0; j < bytes; i += 3, j += 4)
        {
            rgb[i] = _rgba[j];
            rgb[i + 1] = _rgba[j + 1];
            rgb[i + 2] = _rgba[j + 2];
        }
    }

    private static string Hex(ReadOnlySpan<byte> bytes) => bytes.IsEmpty ? "(empty)" : Convert.ToHexString(bytes[..Math.Min(bytes.Length, 8)]);
}
