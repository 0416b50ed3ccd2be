namespace Controller.Brain.Cameras;

/// <summary>
/// YCbCr → RGB8 with the BT.601 matrix (what UVC webcams and most Y4M files carry), in 8.8 fixed point.
/// Limited ("video") range: Y 16..235, Cb/Cr 16..240; full ("JPEG") range: all of 0..255 (Y4M's
/// <c>XCOLORRANGE=FULL</c>). Packed YUYV (V4L2 <c>V4L2_PIX_FMT_YUYV</c>: Y0 Cb Y1 Cr per pixel pair) and planar
/// 4:2:0 / 4:2:2 / 4:4:4 (Y4M) are converted. Allocation-free.
/// </summary>
public static class YuvConversion
{
    /// <summary>
    /// Converts a YUYV image (<paramref name="bytesPerLine"/> ≥ 2 × width bytes per row) into RGB8.
    /// </summary>
    /// <exception cref="FrameDecodeException">An odd or non-positive width, a stride below 2 × width, or a buffer shorter than the image.</exception>
    /// <exception cref="ArgumentException">The RGB buffer is shorter than width × height × 3 (a caller error).</exception>
    public static void YuyvToRgb(ReadOnlySpan<byte> yuyv, int width, int height, int bytesPerLine, Span<byte> rgb)
    {
        if (width < 2 || (width & 1) != 0 || height < 1)
            throw new FrameDecodeException($"YUYV: size {width}×{height} is invalid; the width must be even and ≥ 2, the height ≥ 1.");
        if (bytesPerLine < 2 * width)
            throw new FrameDecodeException($"YUYV: {bytesPerLine} bytes per line is below 2 × width = {2 * width}.");
        long needed = (long)bytesPerLine * (height - 1) + 2L * width;
        if (yuyv.Length < needed)
            throw new FrameDecodeException($"YUYV: a {width}×{height} frame with {bytesPerLine} bytes per line needs {needed} bytes; the buffer has {yuyv.Length}.");
        if (rgb.Length < (long)width * height * 3)
            throw new ArgumentException($"A {width}×{height} RGB8 frame needs {(long)width * height * 3} bytes; the buffer has {rgb.Length}.", nameof(rgb));
        for (int y = 0; y < height; y++)
        {
            ReadOnlySpan<byte> row = yuyv.Slice(y * bytesPerLine, 2 * width);
            Span<byte> into = rgb.Slice(y * width * 3, width * 3);
            for (int x = 0; x < width; x += 2)
            {
                int i = 2 * x;
                byte cb = row[i + 1], cr = row[i + 3];
                Pixel(row[i], cb, cr, fullRange: false, into.Slice(3 * x, 3));
                Pixel(row[i + 2], cb, cr, fullRange: false, into.Slice(3 * x + 3, 3));
            }
        }
    }

    /// <summary>
    /// Converts planar Y, Cb, Cr into RGB8. Chroma planes are subsampled by 2^<paramref name="chromaShiftX"/> across
    /// and 2^<paramref name="chromaShiftY"/> down (4:2:0 is 1, 1; 4:2:2 is 1, 0; 4:4:4 is 0, 0), sized
    /// ceil(width / 2^sx) × ceil(height / 2^sy); each chroma sample covers its block (nearest, no interpolation).
    /// </summary>
    /// <exception cref="ArgumentException">A plane or the RGB buffer is shorter than the size needs (the caller sized them).</exception>
    public static void PlanarToRgb(ReadOnlySpan<byte> luma, ReadOnlySpan<byte> cb, ReadOnlySpan<byte> cr, int width, int height,
        int chromaShiftX, int chromaShiftY, bool fullRange, Span<byte> rgb)
    {
        int cw = ChromaSide(width, chromaShiftX), ch = ChromaSide(height, chromaShiftY);
        if (luma.Length < (long)width * height || cb.Length < (long)cw * ch || cr.Length < (long)cw * ch || rgb.Length < (long)width * height * 3)
            throw new ArgumentException($"Planes for {width}×{height} (chroma {cw}×{ch}) or the RGB buffer are too short.");
        for (int y = 0; y < height; y++)
        {
            int chromaRow = (y >> chromaShiftY) * cw;
            for (int x = 0; x < width; x++)
            {
                int c = chromaRow + (x >> chromaShiftX);
                Pixel(luma[y * width + x], cb[c], cr[c], fullRange, rgb.Slice((y * width + x) * 3, 3));
            }
        }
    }

    /// <summary>Samples along one side of a chroma plane: ceil(side / 2^shift).</summary>
    public static int ChromaSide(int side, int shift) => (side + (1 << shift) - 1) >> shift;

    /// <summary>One BT.601 YCbCr sample → R, G, B.</summary>
    public static void Pixel(byte y, byte cb, byte cr, bool fullRange, Span<byte> rgb)
    {
        int d = cb - 128, e = cr - 128;
        int r, g, b;
        if (fullRange)
        {
            // R = Y + 1.402 Cr, G = Y − 0.344 Cb − 0.714 Cr, B = Y + 1.772 Cb (JFIF).
            int c = y << 8;
            r = (c + 359 * e + 128) >> 8;
            g = (c - 88 * d - 183 * e + 128) >> 8;
            b = (c + 454 * d + 128) >> 8;
        }
        else
        {
            // R = 1.164 (Y − 16) + 1.596 Cr, G = 1.164 (Y − 16) − 0.392 Cb − 0.813 Cr, B = 1.164 (Y − 16) + 2.017 Cb.
            int c = 298 * (y - 16);
            r = (c + 409 * e + 128) >> 8;
            g = (c - 100 * d - 208 * e + 128) >> 8;
            b = (c + 516 * d + 128) >> 8;
        }

        rgb[0] = (byte)Math.Clamp(r, 0, 255);
        rgb[1] = (byte)Math.Clamp(g, 0, 255);
        rgb[2] = (byte)Math.Clamp(b, 0, 255);
    }
}
