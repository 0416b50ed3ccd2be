using System.Buffers.Binary;
using System.Text;

namespace Controller.Brain.Cameras;

/// <summary>
/// The video of an MJPEG AVI file, found by walking its RIFF chunks by hand (Microsoft's AVI RIFF reference and the
/// OpenDML AVI 2.0 extension): <c>RIFF 'AVI '</c> (and any following <c>RIFF 'AVIX'</c>) → <c>LIST 'hdrl'</c> with
/// <c>avih</c> (MainAVIHeader) and per stream <c>LIST 'strl'</c> with <c>strh</c> (AVISTREAMHEADER) and <c>strf</c>
/// (BITMAPINFOHEADER) → <c>LIST 'movi'</c> (possibly with <c>LIST 'rec '</c>) holding the frames as <c>NNdc</c>/<c>NNdb</c>
/// chunks of the first video stream. Chunk sizes are little-endian, data is padded to an even length. The legacy
/// <c>idx1</c> and OpenDML <c>indx</c>/<c>ix##</c> indexes are not needed and skipped, as are audio streams and JUNK.
/// Only MJPEG video (<c>MJPG</c>/<c>JPEG</c>) is accepted. Every problem is a <see cref="FrameDecodeException"/>
/// naming the chunk and its byte offset.
/// </summary>
public sealed class AviMjpegIndex
{
    /// <summary>Deepest LIST nesting accepted.</summary>
    public const int MaxDepth = 8;

    /// <summary>Largest frame chunk accepted (bytes).</summary>
    public const int MaxFrameBytes = 64 << 20;

    private static readonly string[] MjpegCodes = ["MJPG", "mjpg", "JPEG", "jpeg"];
    private readonly Stream _stream;
    private readonly byte[] _header = new byte[64];
    private readonly List<AviFrameChunk> _frames = [];
    private int _streams;
    private int _videoStream = -1;
    private string _handler = "";
    private string _compression = "";
    private int _strfWidth;
    private int _strfHeight;
    private int _avihWidth;
    private int _avihHeight;
    private long _microSecondsPerFrame;
    private long _rate;
    private long _scale;

    private AviMjpegIndex(Stream stream) => _stream = stream;

    /// <summary>Columns.</summary>
    public int Width { get; private set; }

    /// <summary>Rows.</summary>
    public int Height { get; private set; }

    /// <summary>Frames per second from the stream header (rate / scale) or the main header, null when neither says.</summary>
    public double? FramesPerSecond { get; private set; }

    /// <summary>The video frames in file order (empty chunks, which recorders write for dropped frames, are left out).</summary>
    public IReadOnlyList<AviFrameChunk> Frames => _frames;

    /// <summary>Walks <paramref name="stream"/> (seekable, positioned anywhere) and indexes its MJPEG video.</summary>
    /// <exception cref="FrameDecodeException">The file is not an AVI with an MJPEG video stream, or a chunk is malformed.</exception>
    public static AviMjpegIndex Read(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (!stream.CanSeek) throw new ArgumentException("The AVI stream must be seekable.", nameof(stream));
        var index = new AviMjpegIndex(stream);
        index.WalkFile();
        index.Finish();
        return index;
    }

    private void WalkFile()
    {
        long length = _stream.Length;
        long at = 0;
        int riffs = 0;
        while (length - at >= 12)
        {
            ReadAt(at, 12);
            string id = FourCc(0), form = FourCc(8);
            uint size = BinaryPrimitives.ReadUInt32LittleEndian(_header.AsSpan(4));
            if (id != "RIFF")
            {
                if (riffs == 0) throw new FrameDecodeException($"AVI: the file starts with '{id}', not 'RIFF'.");
                break; // Trailing bytes after the last RIFF are ignored, as players do.
            }

            string expected = riffs == 0 ? "AVI " : "AVIX";
            if (form != expected)
                throw new FrameDecodeException($"AVI: RIFF form at byte {at + 8} is '{form}'; expected '{expected}'.");
            if (size < 4 || size > length - at - 8)
                throw new FrameDecodeException($"AVI: RIFF '{form}' at byte {at} claims {size} bytes; {length - at - 8} remain in the file.");
            WalkList(at + 12, at + 8 + size, 1, form, inMovi: false);
            at += 8 + size + (size & 1);
            riffs++;
        }

        if (riffs == 0) throw new FrameDecodeException($"AVI: the file has {length} bytes, too few for a RIFF header.");
    }

    private void WalkList(long start, long end, int depth, string parent, bool inMovi)
    {
        long at = start;
        while (end - at >= 8)
        {
            ReadAt(at, 8);
            string id = FourCc(0);
            uint size = BinaryPrimitives.ReadUInt32LittleEndian(_header.AsSpan(4));
            long data = at + 8;
            if (size > end - data)
                throw new FrameDecodeException($"AVI: chunk '{id}' at byte {at} claims {size} bytes; its parent '{parent}' has {end - data} left.");
            if (id == "LIST")
            {
                if (size < 4) throw new FrameDecodeException($"AVI: LIST at byte {at} has size {size}; a list needs at least its 4-byte type.");
                if (depth >= MaxDepth) throw new FrameDecodeException($"AVI: LIST at byte {at} is nested deeper than {MaxDepth}.");
                ReadAt(data, 4);
                string type = FourCc(0);
                if (type == "strl") _streams++;
                WalkList(data + 4, data + size, depth + 1, type, inMovi || type == "movi");
            }
            else
            {
                Chunk(id, data, size, parent, inMovi);
            }

            at = data + size + (size & 1);
        }
    }

    private void Chunk(string id, long data, uint size, string parent, bool inMovi)
    {
        if (id == "avih" && parent == "hdrl")
        {
            Need(id, data, size, 40);
            _microSecondsPerFrame = BinaryPrimitives.ReadUInt32LittleEndian(_header.AsSpan(0));
            _avihWidth = (int)Math.Min(int.MaxValue, BinaryPrimitives.ReadUInt32LittleEndian(_header.AsSpan(32)));
            _avihHeight = (int)Math.Min(int.MaxValue, BinaryPrimitives.ReadUInt32LittleEndian(_header.AsSpan(36)));
        }
        else if (id == "strh" && parent == "strl")
        {
            Need(id, data, size, 28);
            if (FourCc(0) == "vids" && _videoStream < 0)
            {
                _videoStream = _streams - 1;
                _handler = FourCc(4);
                _scale = BinaryPrimitives.ReadUInt32LittleEndian(_header.AsSpan(20));
                _rate = BinaryPrimitives.ReadUInt32LittleEndian(_header.AsSpan(24));
            }
        }
        else if (id == "strf" && parent == "strl" && _videoStream == _streams - 1 && _compression.Length == 0)
        {
            Need(id, data, size, 20);
            _strfWidth = BinaryPrimitives.ReadInt32LittleEndian(_header.AsSpan(4));
            int height = BinaryPrimitives.ReadInt32LittleEndian(_header.AsSpan(8));
            _strfHeight = height == int.MinValue ? 0 : Math.Abs(height); // negative: top-down rows
            _compression = FourCc(16);
        }
        else if (inMovi && id.Length == 4 && (id[2..] is "dc" or "db"))
        {
            if (_videoStream < 0)
                throw new FrameDecodeException($"AVI: frame chunk '{id}' at byte {data - 8} comes before any video stream header ('strh' of type 'vids').");
            if (!int.TryParse(id.AsSpan(0, 2), out int stream) || stream != _videoStream) return;
            if (size > MaxFrameBytes)
                throw new FrameDecodeException($"AVI: frame chunk '{id}' at byte {data - 8} has {size} bytes; at most {MaxFrameBytes} are accepted.");
            if (size > 0) _frames.Add(new AviFrameChunk(data, (int)size));
        }
    }

    private void Finish()
    {
        if (_videoStream < 0) throw new FrameDecodeException("AVI: no video stream (no 'strh' of type 'vids' in a 'strl' list).");
        if (!MjpegCodes.Contains(_compression) && !MjpegCodes.Contains(_handler))
            throw new FrameDecodeException($"AVI: the video is '{Printable(_compression)}' (handler '{Printable(_handler)}'); only MJPEG ('MJPG', 'JPEG') is read.");
        Width = _strfWidth > 0 ? _strfWidth : _avihWidth;
        Height = _strfHeight > 0 ? _strfHeight : _avihHeight;
        if (Width is < 1 or > 16384 || Height is < 1 or > 16384)
            throw new FrameDecodeException($"AVI: frame size {Width}×{Height} is out of range; allowed 1 to 16384 per side.");
        if (_frames.Count == 0) throw new FrameDecodeException($"AVI: no video frames ('{_videoStream:D2}dc' chunks) in 'movi'.");
        FramesPerSecond = _rate > 0 && _scale > 0 ? (double)_rate / _scale : _microSecondsPerFrame > 0 ? 1e6 / _microSecondsPerFrame : null;
    }

    private void Need(string id, long data, uint size, int bytes)
    {
        if (size < bytes) throw new FrameDecodeException($"AVI: '{id}' at byte {data - 8} has {size} bytes; it needs at least {bytes}.");
        ReadAt(data, bytes);
    }

    private void ReadAt(long offset, int count)
    {
        _stream.Seek(offset, SeekOrigin.Begin);
        int total = 0;
        while (total < count)
        {
            int got = _stream.Read(_header, total, count - total);
            if (got == 0) throw new FrameDecodeException($"AVI: the file ends at byte {offset + total}, inside a {count}-byte header read at {offset}.");
            total += got;
        }
    }

    private string FourCc(int at) => Encoding.Latin1.GetString(_header, at, 4);

    private static string Printable(string s) => new(s.Select(c => c is >= ' ' and < '\x7f' ? c : '?').ToArray());
}
