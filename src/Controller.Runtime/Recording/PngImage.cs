using SkiaSharp;

namespace Controller.Runtime.Recording;

/// <summary>PNG encoding and decoding of 8-bit RGB camera frames (SkiaSharp), for model-call images.</summary>
public static class PngImage
{
    /// <summary>Encodes a row-major RGB8 frame as a PNG file (lossless; alpha opaque).</summary>
    /// <exception cref="ArgumentException">The buffer does not hold <c>width × height × 3</c> bytes, or a size is not positive.</exception>
    /// <exception cref="InvalidOperationException">SkiaSharp's encoder failed.</exception>
    public static byte[] EncodeRgb(ReadOnlySpan<byte> rgb, int width, int height)
    {
        if (width < 1 || height < 1 || rgb.Length != width * height * 3)
        {
            throw new ArgumentException($"an RGB8 {width}×{height} frame needs {Math.Max(0, width) * Math.Max(0, height) * 3} bytes; the buffer has {rgb.Length}", nameof(rgb));
        }

        using var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Opaque));
        Span<byte> rgba = bitmap.GetPixelSpan();
        for (int p = 0, q = 0; p < rgb.Length; p += 3, q += 4)
        {
            rgba[q] = rgb[p];
            rgba[q + 1] = rgb[p + 1];
            rgba[q + 2] = rgb[p + 2];
            rgba[q + 3] = 255;
        }

        using SKData data = bitmap.Encode(SKEncodedImageFormat.Png, 100) ?? throw new InvalidOperationException($"SkiaSharp could not encode a {width}×{height} PNG");
        return data.ToArray();
    }

    /// <summary>Decodes a PNG file to row-major RGB8 samples, or null when the bytes are not an image SkiaSharp reads.</summary>
    public static (byte[] Rgb, int Width, int Height)? DecodeRgb(byte[] png)
    {
        ArgumentNullException.ThrowIfNull(png);
        using SKBitmap? decoded = SKBitmap.Decode(png);
        if (decoded is null)
        {
            return null;
        }

        using SKBitmap rgba = decoded.Copy(SKColorType.Rgba8888);
        ReadOnlySpan<byte> pixels = rgba.GetPixelSpan();
        var rgb = new byte[rgba.Width * rgba.Height * 3];
        for (int p = 0, q = 0; p < rgb.Length; p += 3, q += 4)
        {
            rgb[p] = pixels[q];
            rgb[p + 1] = pixels[q + 1];
            rgb[p + 2] = pixels[q + 2];
        }

        return (rgb, rgba.Width, rgba.Height);
    }
}
