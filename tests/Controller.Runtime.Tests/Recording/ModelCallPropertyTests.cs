using Controller.Runtime.Recording;
using FsCheck;
using FsCheck.Fluent;

namespace Controller.Runtime.Tests.Recording;

/// <summary>The model-call decoder against random records, mutated payloads, random bytes and cut files.</summary>
public class ModelCallPropertyTests
{
    private static readonly Arbitrary<int> Seeds = Gen.Choose(0, int.MaxValue - 1).ToArbitrary();

    private static EpisodeRecord[] Mixed(Random rng) =>
        Enumerable.Range(0, rng.Next(1, 20)).Select(_ => rng.Next(2) == 0 ? ModelCallSamples.Random(rng) : SampleEpisodes.Random(rng, 3)).ToArray();

    [Fact]
    public void Decode_RandomModelCalls_RoundTrip() =>
        Prop.ForAll(Seeds, seed =>
        {
            ModelCallRecord record = ModelCallSamples.Random(new Random(seed));
            byte[] payload = SampleEpisodes.Payload(record);
            EpisodeRecord? decoded = RecordCodec.Decode(payload);
            return decoded is ModelCallRecord && SampleEpisodes.Payload(decoded).AsSpan().SequenceEqual(payload);
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void Decode_MutatedModelCall_ReturnsOrThrowsTheDocumentedExceptionWithAMessage() =>
        Prop.ForAll(Seeds, seed =>
        {
            var rng = new Random(seed);
            byte[] payload = SampleEpisodes.Payload(ModelCallSamples.Random(rng));
            for (int i = rng.Next(1, 5); i > 0; i--)
            {
                int at = rng.Next(payload.Length);
                payload[at] = rng.Next(3) switch { 0 => (byte)rng.Next(256), 1 => (byte)(payload[at] ^ (1 << rng.Next(8))), _ => 0xDD };
            }

            return DecodesSafely(payload.AsMemory(0, rng.Next(1, payload.Length + 1)));
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void Decode_RandomBytesAfterAModelCallPrefix_ReturnsOrThrowsTheDocumentedException() =>
        Prop.ForAll(Seeds, seed =>
        {
            var rng = new Random(seed);
            var payload = new byte[rng.Next(3, 400)];
            rng.NextBytes(payload);
            payload[0] = 0x90 | 13; // an array of 13 …
            payload[1] = 8;         // … of kind 8 (ModelCall)
            payload[2] = 0;         // at time 0
            return DecodesSafely(payload);
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void Read_FileWithModelCallsCutAtRandomByte_ReturnsEveryWholeRecordBeforeTheCut() =>
        Prop.ForAll(Seeds, seed =>
        {
            var rng = new Random(seed);
            var (bytes, ends, records) = SampleEpisodes.Write(SampleEpisodes.Header(), Mixed(rng));
            long headerEnd = EpisodeFormat.PreambleLength + EpisodeFormat.FramePrefixLength + BitConverter.ToUInt32(bytes, EpisodeFormat.PreambleLength);
            int cut = (int)rng.NextInt64(headerEnd, bytes.Length + 1);
            EpisodeReadResult result = EpisodeReader.Read(bytes.AsMemory(0, cut));
            int whole = ends.Count(e => e <= cut);
            bool onBoundary = cut == headerEnd || ends.Contains(cut);
            return SampleEpisodes.SameRecords(result.Records, records.Take(whole))
                   && result.StopReason == (onBoundary ? ReadStopReason.EndOfFile : ReadStopReason.Truncated);
        }).QuickCheckThrowOnFailure();

    private static bool DecodesSafely(ReadOnlyMemory<byte> payload)
    {
        try
        {
            RecordCodec.Decode(payload);
            return true;
        }
        catch (RecordingFormatException e)
        {
            return e.Message.Length > 0;
        }
    }
}
