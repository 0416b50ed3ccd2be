using Controller.Runtime.Recording;
using FsCheck;
using FsCheck.Fluent;

namespace Controller.Runtime.Tests.Recording;

/// <summary>The reader against random episodes, cut and mutated files, and random bytes.</summary>
public class EpisodeReaderPropertyTests
{
    private static readonly Arbitrary<int> Seeds = Gen.Choose(0, int.MaxValue - 1).ToArbitrary();

    private static (byte[] Bytes, long[] Ends, EpisodeRecord[] Records) RandomEpisode(Random rng)
    {
        int joints = rng.Next(1, 30);
        var records = Enumerable.Range(0, rng.Next(0, 40)).Select(_ => SampleEpisodes.Random(rng, joints)).ToArray();
        return SampleEpisodes.Write(SampleEpisodes.Header(joints), records);
    }

    [Fact]
    public void Read_RandomEpisodes_RoundTrip() =>
        Prop.ForAll(Seeds, seed =>
        {
            var (bytes, _, records) = RandomEpisode(new Random(seed));
            EpisodeReadResult result = EpisodeReader.Read(bytes);
            return result.Complete && SampleEpisodes.SameRecords(result.Records, records);
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void Read_RandomHeaders_RoundTrip() =>
        Prop.ForAll(Seeds, seed =>
        {
            var rng = new Random(seed);
            string S() => new(Enumerable.Range(0, rng.Next(0, 60)).Select(_ => (char)rng.Next(1, 0xD000)).ToArray());
            var header = new EpisodeHeader(EpisodeFormat.Version, S(), S(), S(), S(),
                Enumerable.Range(0, rng.Next(0, 64)).Select(_ => S()).ToArray(),
                Enumerable.Range(0, rng.Next(0, 3)).Select(_ => new ModelFile(S(), S(), S())).ToArray(),
                rng.NextInt64(long.MinValue, long.MaxValue), rng.NextInt64(), rng.NextDouble() * 4000, rng.NextDouble() * 1000, S());
            EpisodeHeader read = EpisodeReader.Read(SampleEpisodes.Write(header, []).Bytes).Header;
            return read == header with { JointNames = read.JointNames, Models = read.Models }
                   && read.JointNames.SequenceEqual(header.JointNames) && read.Models.SequenceEqual(header.Models)
                   && read.StartUtc.Kind == DateTimeKind.Utc;
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void Read_CutAtRandomByteAfterHeader_ReturnsEveryWholeRecordBeforeTheCut() =>
        Prop.ForAll(Seeds, seed =>
        {
            var rng = new Random(seed);
            var (bytes, ends, records) = RandomEpisode(rng);
            long headerEnd = HeaderEnd(bytes);
            int cut = (int)rng.NextInt64(headerEnd, bytes.Length + 1);
            EpisodeReadResult result = EpisodeReader.Read(bytes.AsMemory(0, cut));
            int whole = ends.Count(e => e <= cut);
            bool onBoundary = cut == headerEnd || ends.Contains(cut);
            return SampleEpisodes.SameRecords(result.Records, records.Take(whole))
                   && result.StopReason == (onBoundary ? ReadStopReason.EndOfFile : ReadStopReason.Truncated);
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void Read_CutInsideHeader_ThrowsRecordingFormatException() =>
        Prop.ForAll(Seeds, seed =>
        {
            var rng = new Random(seed);
            var (bytes, ends, _) = RandomEpisode(rng);
            long headerEnd = HeaderEnd(bytes);
            int cut = rng.Next(0, (int)headerEnd);
            try
            {
                EpisodeReader.Read(bytes.AsMemory(0, cut));
                return false;
            }
            catch (RecordingFormatException)
            {
                return true;
            }
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void Read_MutatedEpisode_ReturnsAPrefixOrThrowsTheDocumentedException() =>
        Prop.ForAll(Seeds, seed =>
        {
            var rng = new Random(seed);
            var (bytes, _, records) = RandomEpisode(rng);
            for (int i = rng.Next(1, 5); i > 0; i--)
            {
                int at = rng.Next(bytes.Length);
                bytes[at] = rng.Next(3) switch { 0 => (byte)rng.Next(256), 1 => (byte)(bytes[at] ^ (1 << rng.Next(8))), _ => 0xFF };
            }

            return ReadsSafely(bytes, out EpisodeReadResult? result)
                   && (result is null || (result.Records.Count <= records.Length && SampleEpisodes.SameRecords(result.Records, records.Take(result.Records.Count))));
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void Read_RandomBytes_NeverThrowsAnythingElse() =>
        Prop.ForAll(Seeds, seed =>
        {
            var rng = new Random(seed);
            var bytes = new byte[rng.Next(0, 600)];
            rng.NextBytes(bytes);
            if (rng.Next(2) == 0 && bytes.Length >= EpisodeFormat.PreambleLength)
            {
                EpisodeFormat.Magic.CopyTo(bytes); // get past the magic sometimes
                bytes[8] = 1;
                bytes[9] = 0;
            }

            return ReadsSafely(bytes, out _);
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void Decode_RandomPayloads_ReturnOrThrowTheDocumentedException() =>
        Prop.ForAll(Seeds, seed =>
        {
            var rng = new Random(seed);
            byte[] payload = SampleEpisodes.Payload(SampleEpisodes.Random(rng, rng.Next(1, 8)));
            for (int i = rng.Next(1, 4); i > 0; i--)
            {
                payload[rng.Next(payload.Length)] = (byte)rng.Next(256);
            }

            try
            {
                RecordCodec.Decode(payload.AsMemory(0, rng.Next(payload.Length + 1)));
                HeaderCodec.Decode(payload);
            }
            catch (RecordingFormatException)
            {
            }

            return true;
        }).QuickCheckThrowOnFailure();

    private static bool ReadsSafely(byte[] bytes, out EpisodeReadResult? result)
    {
        try
        {
            result = EpisodeReader.Read(bytes);
            return result.StopOffset <= bytes.Length;
        }
        catch (RecordingFormatException e)
        {
            result = null;
            return e.Message.Length > 0;
        }
    }

    private static long HeaderEnd(byte[] bytes) =>
        EpisodeFormat.PreambleLength + EpisodeFormat.FramePrefixLength + BitConverter.ToUInt32(bytes, EpisodeFormat.PreambleLength);
}
