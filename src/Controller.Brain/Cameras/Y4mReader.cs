using System.Globalization;
using System.Text;

namespace Controller.Brain.Cameras;

/// <summary>
/// Reads YUV4MPEG2 (Y4M) video by hand, after the format's description (the MJPEG Tools yuv4mpeg(5) page and
/// FFmpeg's yuv4mpegenc): a header line <c>YUV4MPEG2 W640 H480 F30:1 Ip A1:1 C420jpeg</c> ending in <c>\n</c>,
/// then per frame a line <c>FRAME</c> (optionally with parameters) and the raw planes Y, Cb, Cr. Read: 8-bit
/// <c>C420jpeg</c>, <c>C420paldv</c>, <c>C420mpeg2</c>, <c>C420</c>, <c>C422</c>, <c>C444</c>, <c>Cmono</c>
/// (chroma siting is ignored), limited or <c>XCOLORRANGE=FULL</c> range. High bit depths and alpha are refused.
/// Frames become RGB8 with BT.601. Every problem is a <see cref="FrameDecodeException"/> naming the tag and offset.
/// </summary>
public sealed class Y4mReader : IDisposable
{
    /// <summary>Longest header or FRAME line accepted (bytes).</summary>
    public const int MaxLineBytes = 4096;

    /// <summary>Largest width or height accepted.</summary>
    public const int MaxSide = 16384;

    /// <summary>Most pixels per frame accepted (2^25, above 8K UHD).</summary>
    public const long MaxPixels = 1L << 25;

    private static readonly Dictionary<string, (int Sx, int Sy, bool Mono)> ColorSpaces = new(StringComparer.Ordinal)
    {
        ["420jpeg"] = (1, 1, false), ["420paldv"] = (1, 1, false), ["420mpeg2"] = (1, 1, false), ["420"] = (1, 1, false),
        ["422"] = (1, 0, false), ["444"] = (0, 0, false), ["mono"] = (0, 0, true),
    };

    private readonly Stream _stream;
    private readonly bool _ownsStream;
    private readonly byte[] _line = new byte[MaxLineBytes];
    private readonly byte[] _planes;
    private long _offset;

    /// <summary>Reads the header of <paramref name="stream"/> (positioned at its start).</summary>
    /// <exception cref="FrameDecodeException">The header is not valid Y4M or uses something not read here.</exception>
    public Y4mReader(Stream stream, bool ownsStream = false)
    {
        ArgumentNullException.ThrowIfNull(stream);
        _stream = stream;
        _ownsStream = ownsStream;
        Header = ReadHeader();
        _planes = new byte[Header.FrameBytes];
    }

    /// <summary>The stream header.</summary>
    public Y4mHeader Header { get; }

    /// <summary>Frames read since the start (or the last rewind).</summary>
    public long FrameIndex { get; private set; }

    /// <summary>Reads the next frame into <paramref name="rgb"/> (width × height × 3); false at a clean end of the stream.</summary>
    /// <exception cref="FrameDecodeException">The FRAME line is wrong or the frame is cut short.</exception>
    /// <exception cref="ArgumentException">The buffer is shorter than width × height × 3 (a caller error).</exception>
    public bool ReadFrame(Span<byte> rgb)
    {
        if (rgb.Length < (long)Header.Width * Header.Height * 3)
            throw new ArgumentException($"A {Header.Width}×{Header.Height} RGB8 frame needs {(long)Header.Width * Header.Height * 3} bytes; the buffer has {rgb.Length}.", nameof(rgb));
        long at = _offset;
        int length = ReadLine(out bool atEnd);
        if (atEnd && length == 0) return false;
        ReadOnlySpan<byte> line = _line.AsSpan(0, length);
        if (!line.StartsWith("FRAME"u8) || (line.Length > 5 && line[5] != (byte)' '))
            throw new FrameDecodeException($"Y4M: expected a 'FRAME' line at byte {at} (frame {FrameIndex}); found '{Printable(line)}'.");
        int got = ReadFully(_planes);
        if (got < _planes.Length)
            throw new FrameDecodeException($"Y4M: frame {FrameIndex} at byte {at} needs {_planes.Length} bytes of planes; the stream has {got}.");
        var h = Header;
        int luma = h.Width * h.Height;
        if (h.Monochrome)
        {
            for (int i = 0; i < luma; i++) YuvConversion.Pixel(_planes[i], 128, 128, h.FullRange, rgb.Slice(i * 3, 3));
        }
        else
        {
            YuvConversion.PlanarToRgb(_planes.AsSpan(0, luma), _planes.AsSpan(luma, h.ChromaPlaneBytes), _planes.AsSpan(luma + h.ChromaPlaneBytes, h.ChromaPlaneBytes),
                h.Width, h.Height, h.ChromaShiftX, h.ChromaShiftY, h.FullRange, rgb);
        }

        FrameIndex++;
        return true;
    }

    /// <summary>Goes back to the first frame (the stream must be seekable).</summary>
    public void Rewind()
    {
        _stream.Seek(Header.DataOffset, SeekOrigin.Begin);
        _offset = Header.DataOffset;
        FrameIndex = 0;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_ownsStream) _stream.Dispose();
    }

    private Y4mHeader ReadHeader()
    {
        int length = ReadLine(out bool atEnd);
        if (atEnd)
            throw new FrameDecodeException($"Y4M: the header line has no '\\n' within {Math.Min(length + 1, MaxLineBytes)} bytes (the stream ends).");
        ReadOnlySpan<byte> line = _line.AsSpan(0, length);
        if (!line.StartsWith("YUV4MPEG2"u8))
            throw new FrameDecodeException($"Y4M: the file does not start with 'YUV4MPEG2'; it starts '{Printable(line[..Math.Min(line.Length, 16)])}'.");
        string text = Encoding.ASCII.GetString(line[9..]);
        int width = 0, height = 0, num = 0, den = 0;
        string colorSpace = "420jpeg";
        bool fullRange = false;
        foreach (string token in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            string value = token[1..];
            switch (token[0])
            {
                case 'W': width = Side(value, "W (width)"); break;
                case 'H': height = Side(value, "H (height)"); break;
                case 'F': (num, den) = Ratio(value, "F (frame rate)"); break;
                case 'A': Ratio(value, "A (pixel aspect)"); break;
                case 'I':
                    if (value is not ("p" or "t" or "b" or "m" or "?"))
                        throw new FrameDecodeException($"Y4M: interlacing tag 'I{value}' is not one of Ip, It, Ib, Im, I?.");
                    break;
                case 'C': colorSpace = value; break;
                case 'X':
                    if (value.StartsWith("COLORRANGE=", StringComparison.Ordinal)) fullRange = value == "COLORRANGE=FULL";
                    break;
                default:
                    throw new FrameDecodeException($"Y4M: unknown header tag '{Printable(Encoding.ASCII.GetBytes(token))}'; known: W H F I A C X.");
            }
        }

        if (width == 0 || height == 0)
            throw new FrameDecodeException($"Y4M: the header lacks {(width == 0 ? "W (width)" : "H (height)")}.");
        if ((long)width * height > MaxPixels)
            throw new FrameDecodeException($"Y4M: {width}×{height} is more than {MaxPixels} pixels (8K UHD).");
        if (!ColorSpaces.TryGetValue(colorSpace, out var cs))
            throw new FrameDecodeException($"Y4M: colour space 'C{colorSpace}' is not read; read: {string.Join(", ", ColorSpaces.Keys.Select(k => "C" + k))} (8 bits).");
        return new Y4mHeader(width, height, num, den, colorSpace, cs.Sx, cs.Sy, cs.Mono, fullRange, _offset);
    }

    private static int Side(string value, string tag)
    {
        if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out int v) || v < 1 || v > MaxSide)
            throw new FrameDecodeException($"Y4M: {tag} '{value}' is not an integer in [1, {MaxSide}].");
        return v;
    }

    private static (int, int) Ratio(string value, string tag)
    {
        int colon = value.IndexOf(':');
        if (colon < 0 || !int.TryParse(value.AsSpan(0, colon), NumberStyles.None, CultureInfo.InvariantCulture, out int n)
            || !int.TryParse(value.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out int d))
            throw new FrameDecodeException($"Y4M: {tag} '{value}' is not a ratio of two non-negative integers (e.g. 30:1).");
        return (n, d);
    }

    // Reads up to '\n' into _line; atEnd when the stream ended first (then the line has no terminator).
    private int ReadLine(out bool atEnd)
    {
        int n = 0;
        while (true)
        {
            int b = _stream.ReadByte();
            if (b < 0)
            {
                atEnd = true;
                return n;
            }

            _offset++;
            if (b == '\n')
            {
                atEnd = false;
                return n;
            }

            if (n == MaxLineBytes)
                throw new FrameDecodeException($"Y4M: a header or FRAME line ending before byte {_offset} is longer than {MaxLineBytes} bytes.");
            _line[n++] = (byte)b;
        }
    }

    private int ReadFully(Span<byte> into)
    {
        int total = 0;
        while (total < into.Length)
        {
            int got = _stream.Read(into[total..]);
            if (got == 0) break;
            total += got;
        }

        _offset += total;
        return total;
    }

    private static string Printable(ReadOnlySpan<byte> bytes)
    {
        var sb = new StringBuilder();
        foreach (byte b in bytes[..Math.Min(bytes.Length, 40)]) sb.Append(b is >= 0x20 and < 0x7F ? (char)b : '?');
        return sb.ToString();
    }
}
