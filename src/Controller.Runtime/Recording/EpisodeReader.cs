using System.Buffers.Binary;

namespace Controller.Runtime.Recording;

/// <summary>
/// Reads an episode file whole. A damaged header (magic, version, header frame) throws
/// <see cref="RecordingFormatException"/>; damage after it ends the reading and is reported in the result: every
/// whole record before the first truncated, mis-sized, mis-checksummed or undecodable frame is returned.
/// </summary>
public static class EpisodeReader
{
    /// <summary>Reads the episode at <paramref name="path"/>.</summary>
    /// <exception cref="RecordingFormatException">The file is not an episode or its header is damaged.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static EpisodeReadResult Read(string path) => Read(File.ReadAllBytes(path));

    /// <summary>Reads only the header of the episode at <paramref name="path"/>.</summary>
    /// <exception cref="RecordingFormatException">The file is not an episode or its header is damaged.</exception>
    public static EpisodeHeader ReadHeader(string path) => ReadHeader(File.ReadAllBytes(path), out _);

    /// <summary>Reads an episode from its bytes.</summary>
    /// <exception cref="RecordingFormatException">The bytes are not an episode or the header is damaged.</exception>
    public static EpisodeReadResult Read(ReadOnlyMemory<byte> file)
    {
        EpisodeHeader header = ReadHeader(file, out int offset);
        var records = new List<EpisodeRecord>();
        int skipped = 0;
        ReadOnlySpan<byte> bytes = file.Span;
        while (true)
        {
            int left = bytes.Length - offset;
            if (left == 0)
            {
                return new EpisodeReadResult(header, records, ReadStopReason.EndOfFile, offset, "", skipped);
            }

            FrameStatus status = CheckFrame(bytes[offset..], out uint length, out string detail);
            if (status != FrameStatus.Ok)
            {
                ReadStopReason reason = status switch
                {
                    FrameStatus.Truncated => ReadStopReason.Truncated,
                    FrameStatus.BadLength => ReadStopReason.BadLength,
                    _ => ReadStopReason.ChecksumMismatch,
                };
                return new EpisodeReadResult(header, records, reason, offset, $"record {records.Count + skipped} at byte {offset}: {detail}", skipped);
            }

            EpisodeRecord? record;
            try
            {
                record = RecordCodec.Decode(file.Slice(offset + EpisodeFormat.FramePrefixLength, (int)length));
            }
            catch (RecordingFormatException e)
            {
                return new EpisodeReadResult(header, records, ReadStopReason.BadPayload, offset, $"record {records.Count + skipped} at byte {offset}: {e.Message}", skipped);
            }

            if (record is null)
            {
                skipped++;
            }
            else
            {
                records.Add(record);
            }

            offset += EpisodeFormat.FramePrefixLength + (int)length;
        }
    }

    private static EpisodeHeader ReadHeader(ReadOnlyMemory<byte> file, out int offset)
    {
        ReadOnlySpan<byte> bytes = file.Span;
        if (bytes.Length < EpisodeFormat.PreambleLength)
        {
            throw new RecordingFormatException($"file is {bytes.Length} bytes long; an episode starts with a {EpisodeFormat.PreambleLength}-byte magic and version");
        }

        if (!bytes[..8].SequenceEqual(EpisodeFormat.Magic))
        {
            throw new RecordingFormatException($"file does not start with the episode magic 89 52 45 43 0D 0A 1A 0A; it starts with {Convert.ToHexString(bytes[..8])}");
        }

        ushort version = BinaryPrimitives.ReadUInt16LittleEndian(bytes[8..]);
        if (version is < EpisodeFormat.OldestReadableVersion or > EpisodeFormat.Version)
        {
            throw new RecordingFormatException($"format version is {version}; this reader reads versions {EpisodeFormat.OldestReadableVersion} to {EpisodeFormat.Version}");
        }

        offset = EpisodeFormat.PreambleLength;
        if (CheckFrame(bytes[offset..], out uint length, out string detail) != FrameStatus.Ok)
        {
            throw new RecordingFormatException($"header frame at byte {offset}: {detail}");
        }

        EpisodeHeader header;
        try
        {
            header = HeaderCodec.Decode(file.Slice(offset + EpisodeFormat.FramePrefixLength, (int)length));
        }
        catch (RecordingFormatException e)
        {
            throw new RecordingFormatException($"header frame at byte {offset}: {e.Message}", e);
        }

        if (header.FormatVersion != version)
        {
            throw new RecordingFormatException($"header says format version {header.FormatVersion} but the preamble says {version}");
        }

        offset += EpisodeFormat.FramePrefixLength + (int)length;
        return header;
    }

    private static FrameStatus CheckFrame(ReadOnlySpan<byte> rest, out uint length, out string detail)
    {
        length = 0;
        if (rest.Length < EpisodeFormat.FramePrefixLength)
        {
            detail = $"the file ends {rest.Length} bytes into an {EpisodeFormat.FramePrefixLength}-byte frame prefix";
            return FrameStatus.Truncated;
        }

        length = BinaryPrimitives.ReadUInt32LittleEndian(rest);
        uint crc = BinaryPrimitives.ReadUInt32LittleEndian(rest[4..]);
        if (length == 0 || length > EpisodeFormat.MaxPayloadLength)
        {
            detail = $"frame length {length} is outside 1..{EpisodeFormat.MaxPayloadLength}";
            return FrameStatus.BadLength;
        }

        if (rest.Length - EpisodeFormat.FramePrefixLength < length)
        {
            detail = $"the frame declares {length} payload bytes but only {rest.Length - EpisodeFormat.FramePrefixLength} remain";
            return FrameStatus.Truncated;
        }

        uint actual = Crc32C.Compute(rest.Slice(EpisodeFormat.FramePrefixLength, (int)length));
        if (actual != crc)
        {
            detail = $"CRC-32C of the payload is {actual:X8}; the frame says {crc:X8}";
            return FrameStatus.Checksum;
        }

        detail = "";
        return FrameStatus.Ok;
    }

    private enum FrameStatus
    {
        Ok,
        Truncated,
        BadLength,
        Checksum,
    }
}
