using System.Buffers;
using System.Buffers.Binary;

namespace Controller.Runtime.Recording;

/// <summary>
/// Writes an episode file: the preamble and header at creation, then one frame per record through a buffered
/// <see cref="FileStream"/>, handed to the operating system every <see cref="FlushEveryRecords"/> records. A process
/// killed between flushes loses at most those records, and a frame cut in the middle is detected by the reader. One
/// thread at a time (the recorder's); never the loop's.
/// </summary>
public sealed class EpisodeWriter : IDisposable
{
    private readonly Stream _stream;
    private readonly ArrayBufferWriter<byte> _payload = new(4096);
    private readonly byte[] _prefix = new byte[EpisodeFormat.FramePrefixLength];
    private int _sinceFlush;

    private EpisodeWriter(Stream stream, EpisodeHeader header, int flushEveryRecords)
    {
        _stream = stream;
        FlushEveryRecords = flushEveryRecords;
        Span<byte> preamble = stackalloc byte[EpisodeFormat.PreambleLength];
        EpisodeFormat.Magic.CopyTo(preamble);
        BinaryPrimitives.WriteUInt16LittleEndian(preamble[8..], EpisodeFormat.Version);
        _stream.Write(preamble);
        HeaderCodec.Encode(header, _payload);
        WriteFrame();
        _stream.Flush();
    }

    /// <summary>Records written (header not counted).</summary>
    public long RecordCount { get; private set; }

    /// <summary>Bytes written so far, buffered or not.</summary>
    public long BytesWritten { get; private set; }

    /// <summary>How many records go between flushes to the operating system.</summary>
    public int FlushEveryRecords { get; }

    /// <summary>Creates (or replaces) the file at <paramref name="path"/> and writes the preamble and header.</summary>
    /// <param name="path">The episode file.</param>
    /// <param name="header">What the episode says about itself.</param>
    /// <param name="flushEveryRecords">Records between flushes, 1 or more.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="flushEveryRecords"/> is below 1.</exception>
    public static EpisodeWriter Create(string path, EpisodeHeader header, int flushEveryRecords = 50)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(flushEveryRecords, 1);
        string? folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (folder is not null)
        {
            Directory.CreateDirectory(folder);
        }

        var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read, bufferSize: 64 * 1024);
        try
        {
            return new EpisodeWriter(stream, header, flushEveryRecords);
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    /// <summary>Writes an episode to any stream (tests, in-memory tools); the caller keeps the stream.</summary>
    public static EpisodeWriter Create(Stream stream, EpisodeHeader header, int flushEveryRecords = 50)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(flushEveryRecords, 1);
        return new EpisodeWriter(new NonClosingStream(stream), header, flushEveryRecords);
    }

    /// <summary>Writes an episode into a stream the writer then owns (closes on dispose; a file is fsynced first).</summary>
    internal static EpisodeWriter Over(Stream owned, EpisodeHeader header, int flushEveryRecords) => new(owned, header, flushEveryRecords);

    /// <summary>Appends one record.</summary>
    public void Write(EpisodeRecord record)
    {
        RecordCodec.Encode(record, _payload);
        WriteFrame();
        RecordCount++;
        if (++_sinceFlush >= FlushEveryRecords)
        {
            _stream.Flush();
            _sinceFlush = 0;
        }
    }

    /// <summary>Hands every buffered record to the operating system.</summary>
    public void Flush()
    {
        _stream.Flush();
        _sinceFlush = 0;
    }

    /// <summary>Flushes and closes the file (to the disk, for a file: a clean stop survives a power cut after it).</summary>
    public void Dispose()
    {
        if (_stream is FileStream file)
        {
            file.Flush(flushToDisk: true);
        }
        else
        {
            _stream.Flush();
        }

        _stream.Dispose();
    }

    private void WriteFrame()
    {
        ReadOnlySpan<byte> payload = _payload.WrittenSpan;
        BinaryPrimitives.WriteUInt32LittleEndian(_prefix, (uint)payload.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(_prefix.AsSpan(4), Crc32C.Compute(payload));
        _stream.Write(_prefix);
        _stream.Write(payload);
        BytesWritten += _prefix.Length + payload.Length;
        _payload.Clear();
    }

    /// <summary>Lets the writer dispose its stream without closing one the caller owns.</summary>
    private sealed class NonClosingStream(Stream inner) : Stream
    {
        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => inner.Length;

        public override long Position { get => inner.Position; set => throw new NotSupportedException(); }

        public override void Flush() => inner.Flush();

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => inner.Write(buffer, offset, count);

        public override void Write(ReadOnlySpan<byte> buffer) => inner.Write(buffer);
    }
}
