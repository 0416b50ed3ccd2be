namespace Controller.Brain.Cameras;

/// <summary>
/// Binary PPM (P6) and PGM (P5) images, decoded by hand after Netpbm's format description (ppm(5), pgm(5)): the
/// magic, then width, height and maxval as ASCII decimals separated by whitespace (a <c>#</c> starts a comment that
/// runs to the end of the line), exactly one whitespace byte, then the raster row by row. Samples are scaled from
/// 0..maxval to 0..255; gray is spread to R = G = B. Plain (ASCII) P1–P3 and PAM (P7) are refused.
/// Every problem is a <see cref="FrameDecodeException"/> naming the field and the byte offset.
/// </summary>
public static class PnmDecoder
{
    /// <summary>Largest width or height accepted.</summary>
    public const int MaxSide = 16384;

    /// <summary>Reads the header of <paramref name="file"/>.</summary>
    /// <exception cref="FrameDecodeException">Not a binary PPM/PGM, a field out of range, or the raster is cut short.</exception>
    public static PnmHeader ReadHeader(ReadOnlySpan<byte> file)
    {
        if (file.Length < 2 || file[0] != (byte)'P' || (file[1] != (byte)'5' && file[1] != (byte)'6'))
        {
            string seen = file.Length >= 2 ? $"'{(char)file[0]}{(char)file[1]}'" : $"{file.Length} byte(s)";
            throw new FrameDecodeException($"PNM: magic is {seen}; only binary 'P5' (PGM) and 'P6' (PPM) are read.");
        }

        int channels = file[1] == (byte)'6' ? 3 : 1;
        int at = 2;
        int width = ReadNumber(file, ref at, "width", 1, MaxSide);
        int height = ReadNumber(file, ref at, "height", 1, MaxSide);
        int maxValue = ReadNumber(file, ref at, "maxval", 1, 65535);
        if (at >= file.Length || !IsWhitespace(file[at]))
            throw new FrameDecodeException($"PNM: expected one whitespace byte after maxval at byte {at}; the file {(at >= file.Length ? "ends there" : $"has 0x{file[at]:X2}")}.");
        var header = new PnmHeader(width, height, channels, maxValue, at + 1);
        long available = file.Length - header.DataOffset;
        if (available < header.RasterBytes)
            throw new FrameDecodeException($"PNM: a {width}×{height}×{channels} raster (maxval {maxValue}) needs {header.RasterBytes} bytes from byte {header.DataOffset}; the file has {available}.");
        return header;
    }

    /// <summary>Decodes <paramref name="file"/> into <paramref name="rgb"/> (width × height × 3 bytes at least) and returns its header.</summary>
    /// <exception cref="FrameDecodeException">The bytes are not a valid binary PPM/PGM.</exception>
    /// <exception cref="ArgumentException">The buffer is too small for the image (a caller error: check the header first).</exception>
    public static PnmHeader DecodeRgb(ReadOnlySpan<byte> file, Span<byte> rgb)
    {
        PnmHeader h = ReadHeader(file);
        long pixels = (long)h.Width * h.Height;
        if (rgb.Length < pixels * 3)
            throw new ArgumentException($"A {h.Width}×{h.Height} RGB8 frame needs {pixels * 3} bytes; the buffer has {rgb.Length}.", nameof(rgb));
        ReadOnlySpan<byte> raster = file.Slice(h.DataOffset, (int)h.RasterBytes);
        int max = h.MaxValue;
        for (long p = 0; p < pixels; p++)
        {
            for (int c = 0; c < 3; c++)
            {
                long sample = p * h.Channels + (h.Channels == 3 ? c : 0);
                int value = h.BytesPerSample == 1 ? raster[(int)sample] : (raster[(int)(2 * sample)] << 8) | raster[(int)(2 * sample + 1)];
                // Values above maxval are out of spec; clamp rather than wrap.
                rgb[(int)(p * 3 + c)] = (byte)((Math.Min(value, max) * 255 + max / 2) / max);
            }
        }

        return h;
    }

    private static int ReadNumber(ReadOnlySpan<byte> file, ref int at, string field, int min, int max)
    {
        // Whitespace and comments before each number.
        while (at < file.Length)
        {
            if (IsWhitespace(file[at])) at++;
            else if (file[at] == (byte)'#')
            {
                while (at < file.Length && file[at] != (byte)'\n' && file[at] != (byte)'\r') at++;
            }
            else break;
        }

        int start = at;
        long value = 0;
        while (at < file.Length && file[at] >= (byte)'0' && file[at] <= (byte)'9')
        {
            value = value * 10 + (file[at] - '0');
            at++;
            if (value > max) break;
        }

        if (at == start)
            throw new FrameDecodeException($"PNM: expected the {field} (a decimal number) at byte {start}; found {(start < file.Length ? $"0x{file[start]:X2}" : "the end of the file")}.");
        if (value < min || value > max)
            throw new FrameDecodeException($"PNM: {field} {(value > max ? $"> {max}" : value.ToString())} at byte {start} is out of range; allowed [{min}, {max}].");
        return (int)value;
    }

    private static bool IsWhitespace(byte b) => b is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r' or 0x0B or 0x0C;
}
