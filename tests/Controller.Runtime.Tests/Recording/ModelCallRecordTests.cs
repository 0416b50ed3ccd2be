using System.Buffers.Binary;
using Controller.Runtime.Recording;

namespace Controller.Runtime.Tests.Recording;

/// <summary>Model-call records (kind 8, format version 2) through the writer and reader, and older files.</summary>
public class ModelCallRecordTests
{
    [Fact]
    public void Read_ModelCalls_RoundTripWithTheOtherKinds()
    {
        EpisodeRecord[] written = [.. SampleEpisodes.EveryKind(), ModelCallSamples.Planner(), ModelCallSamples.Policy()];
        var (bytes, _, _) = SampleEpisodes.Write(SampleEpisodes.Header(), written);

        EpisodeReadResult result = EpisodeReader.Read(bytes);

        Assert.True(result.Complete, result.StopDetail);
        Assert.True(SampleEpisodes.SameRecords(result.Records, written));
        ModelCallRecord planner = result.Of<ModelCallRecord>().First();
        Assert.Equal("pick_and_place", planner.Skill);
        Assert.Equal("target", planner.Arguments.Single().Name);
        Assert.Equal([0.2, -0.05], planner.Arguments.Single().Values);
        ModelCallRecord policy = result.Of<ModelCallRecord>().Last();
        Assert.Equal(7, policy.ChunkSequence);
        Assert.Equal([0.15, 0.25, 0.35], policy.GoalRad);
    }

    [Fact]
    public void EncodeRgb_Frame_DecodesToTheSamePixels()
    {
        byte[] png = PngImage.EncodeRgb(ModelCallSamples.Pixels(), 4, 3);

        var decoded = PngImage.DecodeRgb(png);

        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
        Assert.NotNull(decoded);
        Assert.Equal((4, 3), (decoded.Value.Width, decoded.Value.Height));
        Assert.Equal(ModelCallSamples.Pixels(), decoded.Value.Rgb);
    }

    [Fact]
    public void EncodeRgb_WrongBufferSize_ThrowsNamingTheSizes()
    {
        var e = Assert.Throws<ArgumentException>(() => PngImage.EncodeRgb(new byte[10], 4, 3));
        Assert.Contains("needs 36 bytes; the buffer has 10", e.Message);
    }

    [Fact]
    public void Read_Version1File_ReadsWithoutModelCalls()
    {
        var (bytes, _, records) = SampleEpisodes.Write(SampleEpisodes.Header() with { FormatVersion = 1 }, SampleEpisodes.EveryKind());
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(8), 1);

        EpisodeReadResult result = EpisodeReader.Read(bytes);

        Assert.Equal(1, result.Header.FormatVersion);
        Assert.True(result.Complete, result.StopDetail);
        Assert.True(SampleEpisodes.SameRecords(result.Records, records));
        Assert.Empty(result.Of<ModelCallRecord>());
    }

    [Fact]
    public void Read_NewerVersion_ThrowsNamingTheVersionsRead()
    {
        var (bytes, _, _) = SampleEpisodes.Write(SampleEpisodes.Header(), []);
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(8), 3);

        var e = Assert.Throws<RecordingFormatException>(() => EpisodeReader.Read(bytes));

        Assert.Equal("format version is 3; this reader reads versions 1 to 2", e.Message);
    }

    [Fact]
    public void Decode_ModelCallMissingFields_ThrowsNamingKindAndCount()
    {
        byte[] payload = SampleEpisodes.Payload(ModelCallSamples.Policy());
        payload[0] = 0x90 | 12; // array of 12 instead of 13: the chunk sequence is gone (the last element's bytes remain, so trailing bytes too)

        var e = Assert.Throws<RecordingFormatException>(() => RecordCodec.Decode(payload));

        Assert.Contains("ModelCall (8) has 12 elements; it needs 13", e.Message);
    }

    [Fact]
    public void Decode_ImageWithTooFewFields_ThrowsNamingTheImage()
    {
        var record = ModelCallSamples.Planner();
        byte[] payload = SampleEpisodes.Payload(record);
        int at = Array.IndexOf(payload, (byte)(0x90 | 6)); // the image's [feature, w, h, ch, encoding, data] header
        payload[at] = 0x90 | 5;

        var e = Assert.Throws<RecordingFormatException>(() => RecordCodec.Decode(payload));

        Assert.Contains("image 0 has 5 elements; it needs 6", e.Message);
    }
}
