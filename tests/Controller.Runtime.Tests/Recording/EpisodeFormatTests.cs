using System.Buffers.Binary;
using System.Text;
using Controller.Runtime.Recording;

namespace Controller.Runtime.Tests.Recording;

public class EpisodeFormatTests
{
    [Fact]
    public void Compute_CheckString_IsTheCrc32CCheckValue() =>
        Assert.Equal(0xE3069283u, Crc32C.Compute(Encoding.ASCII.GetBytes("123456789")));

    [Fact]
    public void Read_EveryRecordKind_RoundTripsWithHeader()
    {
        EpisodeHeader header = SampleEpisodes.Header();
        var (bytes, _, records) = SampleEpisodes.Write(header, SampleEpisodes.EveryKind());

        EpisodeReadResult result = EpisodeReader.Read(bytes);

        Assert.True(result.Complete, result.StopDetail);
        Assert.Equal(bytes.Length, result.StopOffset);
        Assert.True(SampleEpisodes.SameRecords(result.Records, records));
        Assert.Equal(header with { JointNames = result.Header.JointNames, Models = result.Header.Models }, result.Header);
        Assert.Equal(header.JointNames, result.Header.JointNames);
        Assert.Equal(header.Models, result.Header.Models);
        var state = Assert.IsType<StateRecord>(result.Records[0]);
        Assert.Equal([0.11, 0.21, 0.31], state.CommandRad);
        Assert.Equal("approach", result.Of<SkillRecord>().Single().Skill);
    }

    [Fact]
    public void Read_FileOnDisk_WrittenByPathIsComplete()
    {
        string path = Path.Combine(Path.GetTempPath(), $"episode-{Guid.NewGuid():N}.episode");
        try
        {
            using (var writer = EpisodeWriter.Create(path, SampleEpisodes.Header(), flushEveryRecords: 3))
            {
                foreach (EpisodeRecord r in SampleEpisodes.EveryKind())
                {
                    writer.Write(r);
                }
            }

            EpisodeReadResult result = EpisodeReader.Read(path);
            Assert.True(result.Complete);
            Assert.Equal(8, result.Records.Count);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Read_NotAnEpisode_ThrowsNamingTheMagic()
    {
        var e = Assert.Throws<RecordingFormatException>(() => EpisodeReader.Read(Encoding.ASCII.GetBytes("robot: sim-arm6\nurdf: x")));
        Assert.Contains("magic", e.Message);
    }

    [Fact]
    public void Read_EmptyFile_ThrowsNamingTheLength() =>
        Assert.Contains("0 bytes long", Assert.Throws<RecordingFormatException>(() => EpisodeReader.Read(Array.Empty<byte>())).Message);

    [Fact]
    public void Read_OtherVersion_ThrowsNamingBoth()
    {
        var (bytes, _, _) = SampleEpisodes.Write(SampleEpisodes.Header(), []);
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(8), 9);
        var e = Assert.Throws<RecordingFormatException>(() => EpisodeReader.Read(bytes));
        Assert.Contains("format version is 9", e.Message);
    }

    [Fact]
    public void Read_HeaderChecksumBroken_ThrowsNamingTheHeaderFrame()
    {
        var (bytes, _, _) = SampleEpisodes.Write(SampleEpisodes.Header(), []);
        bytes[EpisodeFormat.PreambleLength + EpisodeFormat.FramePrefixLength + 5] ^= 0x40;
        var e = Assert.Throws<RecordingFormatException>(() => EpisodeReader.Read(bytes));
        Assert.Contains("header frame", e.Message);
        Assert.Contains("CRC-32C", e.Message);
    }

    [Fact]
    public void Read_RecordChecksumBroken_KeepsTheRecordsBeforeIt()
    {
        var (bytes, ends, records) = SampleEpisodes.Write(SampleEpisodes.Header(), SampleEpisodes.EveryKind());
        bytes[ends[2] + EpisodeFormat.FramePrefixLength + 3] ^= 0x01; // inside record 3's payload

        EpisodeReadResult result = EpisodeReader.Read(bytes);

        Assert.Equal(ReadStopReason.ChecksumMismatch, result.StopReason);
        Assert.Equal(ends[2], result.StopOffset);
        Assert.True(SampleEpisodes.SameRecords(result.Records, records.Take(3)));
        Assert.Contains("record 3", result.StopDetail);
    }

    [Fact]
    public void Read_ValidFrameWithGarbagePayload_StopsWithBadPayload()
    {
        var (bytes, _, _) = SampleEpisodes.Write(SampleEpisodes.Header(), SampleEpisodes.EveryKind().Take(1).ToArray());
        byte[] garbage = [0x93, 0x01, 0xC1, 0x00]; // array of 3: kind 1, then the never-used code 0xC1
        var frame = new byte[8 + garbage.Length];
        BinaryPrimitives.WriteUInt32LittleEndian(frame, (uint)garbage.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(frame.AsSpan(4), Crc32C.Compute(garbage));
        garbage.CopyTo(frame, 8);

        EpisodeReadResult result = EpisodeReader.Read(bytes.Concat(frame).ToArray());

        Assert.Equal(ReadStopReason.BadPayload, result.StopReason);
        Assert.Single(result.Records);
    }

    [Fact]
    public void Read_UnknownRecordKind_IsSkippedAndCounted()
    {
        var (bytes, _, _) = SampleEpisodes.Write(SampleEpisodes.Header(), SampleEpisodes.EveryKind().Take(1).ToArray());
        byte[] future = [0x93, 0x63, 0x05, 0xA1, (byte)'x']; // [99, 5, "x"]: a kind from a later version
        var frame = new byte[8 + future.Length];
        BinaryPrimitives.WriteUInt32LittleEndian(frame, (uint)future.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(frame.AsSpan(4), Crc32C.Compute(future));
        future.CopyTo(frame, 8);

        EpisodeReadResult result = EpisodeReader.Read(bytes.Concat(frame).Concat(bytes[^(bytes.Length - (int)SampleEpisodes.Write(SampleEpisodes.Header(), []).Bytes.Length)..]).ToArray());

        Assert.True(result.Complete, result.StopDetail);
        Assert.Equal(1, result.SkippedUnknownRecords);
        Assert.Equal(2, result.Records.Count);
    }
}
