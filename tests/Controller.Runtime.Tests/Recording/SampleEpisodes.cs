using Controller.Runtime.Recording;

namespace Controller.Runtime.Tests.Recording;

/// <summary>Episodes for the format tests: a fixed one with every record kind, and random ones from a seed.</summary>
internal static class SampleEpisodes
{
    public static EpisodeHeader Header(int joints = 3) => new(
        EpisodeFormat.Version, "test-arm", "robot: test-arm\n", new string('a', 64), "test.urdf",
        Enumerable.Range(0, joints).Select(i => $"joint{i}").ToArray(),
        [new ModelFile("policy", "/models/p.yaml", new string('b', 64))],
        1_790_000_000_000_000_000, 123_456_789, 1000, 50, "put the red cube in the bin");

    public static EpisodeRecord[] EveryKind() =>
    [
        new StateRecord(1_000_000, 1, [0.1, 0.2, 0.3], [0, 0.5, -0.5], [1, 2, 3], [0.11, 0.21, 0.31]),
        new WrenchRecord(2_000_000, [1, 2, 3], [0.1, 0.2, 0.3]),
        new SkillRecord(3_000_000, "put the red cube in the bin", "approach"),
        new ChunkRecord(4_000_000, 7, 50, 3, 20_000_000, 0, 0, [0.5f, 0.25f, -1f]),
        new SafetyEventRecord(5_000_000, 1, "BrainSilent", "ProtectiveStop", -1, 0.25, 0.2),
        new FaultRecord(6_000_000, "arm", "Active", 2),
        new LoopRecord(7_000_000, 7000, 3, 7_000, 56_000, 2_500_000, 120_000),
        new StateRecord(8_000_000, 8, [0.1, 0.2, 0.3], [0, 0, 0], [1, 2, 3], []),
    ];

    public static EpisodeRecord Random(Random rng, int joints)
    {
        double D() => rng.Next(4) switch { 0 => 0, 1 => double.MaxValue, 2 => -rng.NextDouble(), _ => rng.NextDouble() * 1e3 };
        double[] Ds(int n) => Enumerable.Range(0, n).Select(_ => D()).ToArray();
        string S() => new(Enumerable.Range(0, rng.Next(0, 40)).Select(_ => (char)rng.Next(32, 0x3000)).Where(c => !char.IsSurrogate(c)).ToArray());
        long t = rng.NextInt64(0, long.MaxValue);
        return rng.Next(7) switch
        {
            0 => new StateRecord(t, rng.NextInt64(), Ds(joints), Ds(joints), Ds(joints), rng.Next(2) == 0 ? [] : Ds(joints)),
            1 => new WrenchRecord(t, Ds(3), Ds(3)),
            2 => new SkillRecord(t, S(), S()),
            3 => new ChunkRecord(t, rng.NextInt64(), rng.Next(1, 128), joints, rng.NextInt64(), rng.Next(), rng.Next(-1, 8),
                Enumerable.Range(0, joints).Select(_ => (float)D()).ToArray()),
            4 => new SafetyEventRecord(t, rng.NextInt64(), S(), S(), rng.Next(-1, 64), D(), D()),
            5 => new FaultRecord(t, S(), S(), rng.NextInt64()),
            _ => new LoopRecord(t, rng.NextInt64(), rng.NextInt64(), rng.NextInt64(), rng.NextInt64(), rng.NextInt64(), rng.NextInt64()),
        };
    }

    /// <summary>An episode's bytes and the byte offset where each record's frame ends.</summary>
    public static (byte[] Bytes, long[] FrameEnds, EpisodeRecord[] Records) Write(EpisodeHeader header, IReadOnlyList<EpisodeRecord> records)
    {
        using var stream = new MemoryStream();
        var ends = new long[records.Count];
        using (var writer = EpisodeWriter.Create(stream, header, flushEveryRecords: 1))
        {
            for (int i = 0; i < records.Count; i++)
            {
                writer.Write(records[i]);
                ends[i] = stream.Length;
            }
        }

        return (stream.ToArray(), ends, records.ToArray());
    }

    /// <summary>A record's payload bytes: two records are the same exactly when these are.</summary>
    public static byte[] Payload(EpisodeRecord record)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        RecordCodec.Encode(record, buffer);
        return buffer.WrittenSpan.ToArray();
    }

    public static bool SameRecords(IReadOnlyList<EpisodeRecord> actual, IEnumerable<EpisodeRecord> expected) =>
        actual.Select(Payload).SequenceEqual(expected.Select(Payload), ByteArrays.Instance);

    private sealed class ByteArrays : IEqualityComparer<byte[]>
    {
        public static readonly ByteArrays Instance = new();

        public bool Equals(byte[]? x, byte[]? y) => x.AsSpan().SequenceEqual(y);

        public int GetHashCode(byte[] obj) => obj.Length;
    }
}
