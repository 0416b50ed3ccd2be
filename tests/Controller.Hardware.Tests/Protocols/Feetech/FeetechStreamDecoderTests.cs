using Controller.Hardware.Protocols.Feetech;
using FsCheck;
using FsCheck.Fluent;

namespace Controller.Hardware.Tests.Protocols.Feetech;

/// <summary>The stream decoder fed packets in random pieces, among noise, false headers and damaged packets.</summary>
public class FeetechStreamDecoderTests
{
    private static readonly Arbitrary<int> Seeds = Gen.Choose(0, int.MaxValue - 1).ToArbitrary();

    [Fact]
    public void TryNext_PacketSplitAcrossCommits_DecodedOnceWhole()
    {
        var decoder = new FeetechStreamDecoder();
        var packet = new byte[16];
        int n = FeetechInstructions.Status(packet, 4, FeetechStatusErrors.None, [0x00, 0x08, 0x05, 0x80, 0x10, 0x04]);
        var parameters = new byte[256];

        decoder.Append(packet.AsSpan(0, 5));
        Assert.Equal(FeetechDecodeResult.NeedMoreData, decoder.TryNext(parameters, out _));
        decoder.Append(packet.AsSpan(5, n - 5));

        Assert.Equal(FeetechDecodeResult.Packet, decoder.TryNext(parameters, out var info));
        Assert.Equal((4, 6, 0), (info.Id, info.ParameterLength, info.ParameterOffset));
        Assert.Equal("000805801004", Convert.ToHexString(parameters, 0, 6));
        Assert.Equal(0, decoder.Buffered);
    }

    [Fact]
    public void TryNext_DamagedThenGoodPacket_CountsTheDamageAndResynchronises()
    {
        var decoder = new FeetechStreamDecoder();
        var packet = new byte[16];
        int n = FeetechInstructions.Status(packet, 2, FeetechStatusErrors.None, [1, 2]);
        packet[n - 1] ^= 0x5A;
        decoder.Append(packet.AsSpan(0, n));
        n = FeetechInstructions.Status(packet, 3, FeetechStatusErrors.None, [1, 2]);
        decoder.Append(packet.AsSpan(0, n));
        var parameters = new byte[256];

        Assert.Equal(FeetechDecodeResult.ChecksumMismatch, decoder.TryNext(parameters, out _));
        FeetechDecodeResult r;
        FeetechPacketInfo info;
        while ((r = decoder.TryNext(parameters, out info)) is not (FeetechDecodeResult.Packet or FeetechDecodeResult.NeedMoreData)) { }

        Assert.Equal(FeetechDecodeResult.Packet, r);
        Assert.Equal(3, info.Id);
        Assert.Equal(1, decoder.ChecksumMismatches);
    }

    [Fact]
    public void TryNext_ParametersBufferTooSmall_DropsAsMalformedWithoutThrowing()
    {
        var decoder = new FeetechStreamDecoder();
        var packet = new byte[32];
        int n = FeetechInstructions.Status(packet, 1, FeetechStatusErrors.None, new byte[10]);
        decoder.Append(packet.AsSpan(0, n));

        Assert.Equal(FeetechDecodeResult.Malformed, decoder.TryNext(new byte[4], out _));
        Assert.Equal(1, decoder.MalformedPackets);
    }

    [Fact]
    public void Commit_MoreThanTheWriteSpace_ThrowsTheDocumentedException()
    {
        var decoder = new FeetechStreamDecoder();
        int space = decoder.GetWriteSpace().Length;
        Assert.Throws<ArgumentOutOfRangeException>(() => decoder.Commit(space + 1));
    }

    [Fact]
    public void RandomBytesInRandomPieces_NeverThrowNeverHangBufferStaysBounded()
    {
        Prop.ForAll(Seeds, seed =>
        {
            var rng = new Random(seed);
            var decoder = new FeetechStreamDecoder();
            var parameters = new byte[FeetechPacket.MaxPacketBytes];
            var bytes = new byte[rng.Next(0, 4000)];
            rng.NextBytes(bytes);
            for (int i = 0; i < bytes.Length; i++) if (rng.Next(4) == 0) bytes[i] = 0xFF;
            int at = 0;
            while (at < bytes.Length)
            {
                var space = decoder.GetWriteSpace();
                int n = Math.Min(Math.Min(rng.Next(1, 64), space.Length), bytes.Length - at);
                bytes.AsSpan(at, n).CopyTo(space);
                decoder.Commit(n);
                at += n;
                int guard = 0;
                while (decoder.TryNext(parameters, out _) != FeetechDecodeResult.NeedMoreData)
                    if (++guard > 10_000) return false;
                if (decoder.Buffered > 4 * FeetechPacket.MaxPacketBytes) return false;
            }
            return true;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void ValidPacketsAmongNoiseInRandomPieces_EveryPacketFoundInOrderUnlessHiddenByAChanceChecksum()
    {
        Prop.ForAll(Seeds, seed =>
        {
            var rng = new Random(seed);
            var stream = new List<byte>();
            var expected = new List<(byte Id, byte[] Parameters)>();
            for (int k = rng.Next(1, 8); k > 0; k--)
            {
                for (int g = rng.Next(0, 12); g > 0; g--) stream.Add(rng.Next(3) == 0 ? (byte)0xFF : (byte)rng.Next(256));
                stream.Add(0x00);
                var p = new byte[rng.Next(0, 12)];
                rng.NextBytes(p);
                byte id = (byte)rng.Next(0, 254);
                var buffer = new byte[64];
                int n = FeetechInstructions.Status(buffer, id, (FeetechStatusErrors)rng.Next(0, 64), p);
                if (rng.Next(5) == 0) buffer[rng.Next(2, n)] ^= (byte)rng.Next(1, 256); // damaged: must not be found
                else expected.Add((id, p));
                stream.AddRange(buffer[..n]);
            }
            var decoder = new FeetechStreamDecoder();
            var parameters = new byte[FeetechPacket.MaxPacketBytes];
            var found = new List<(byte Id, byte[] Parameters)>();
            var bytes = stream.ToArray();
            int at = 0;
            while (at < bytes.Length)
            {
                int n = Math.Min(rng.Next(1, 40), bytes.Length - at);
                decoder.Append(bytes.AsSpan(at, n));
                at += n;
                while (decoder.TryNext(parameters, out var info) is var r && r != FeetechDecodeResult.NeedMoreData)
                    if (r == FeetechDecodeResult.Packet) found.Add((info.Id, parameters[..info.ParameterLength]));
            }
            // Every expected packet is found, in order, as a subsequence; extra packets can only be noise whose
            // 8-bit checksum matched by chance, and such a packet may swallow a real one (1 in 256).
            int matched = 0;
            foreach (var f in found)
                if (matched < expected.Count && f.Id == expected[matched].Id && f.Parameters.AsSpan().SequenceEqual(expected[matched].Parameters)) matched++;
            int spurious = found.Count - matched;
            return matched == expected.Count || spurious > 0;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void TruncatedPacket_NeverReportedAsAPacket()
    {
        Prop.ForAll(Seeds, seed =>
        {
            var rng = new Random(seed);
            var buffer = new byte[64];
            var p = new byte[rng.Next(0, 20)];
            rng.NextBytes(p);
            int n = FeetechInstructions.Status(buffer, (byte)rng.Next(0, 254), FeetechStatusErrors.None, p);
            var decoder = new FeetechStreamDecoder();
            decoder.Append(buffer.AsSpan(0, rng.Next(0, n)));
            var parameters = new byte[FeetechPacket.MaxPacketBytes];
            FeetechDecodeResult r;
            while ((r = decoder.TryNext(parameters, out _)) != FeetechDecodeResult.NeedMoreData)
                if (r == FeetechDecodeResult.Packet) return false;
            return true;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void DecodeLoop_ThousandsOfPackets_DoesNotAllocate()
    {
        var decoder = new FeetechStreamDecoder();
        var packet = new byte[32];
        int n = FeetechInstructions.Status(packet, 1, FeetechStatusErrors.None, [1, 2, 3, 4, 5, 6]);
        var parameters = new byte[FeetechPacket.MaxPacketBytes];
        void Run()
        {
            for (int i = 0; i < 5000; i++)
            {
                decoder.Append(packet.AsSpan(0, n));
                while (decoder.TryNext(parameters, out _) != FeetechDecodeResult.NeedMoreData) { }
            }
        }
        Run();
        long before = GC.GetAllocatedBytesForCurrentThread();
        Run();
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
