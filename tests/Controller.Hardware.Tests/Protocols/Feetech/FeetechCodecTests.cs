using Controller.Hardware.Protocols.Feetech;
using FsCheck;
using FsCheck.Fluent;

namespace Controller.Hardware.Tests.Protocols.Feetech;

public class FeetechCodecTests
{
    private static readonly Arbitrary<int> Seeds = Gen.Choose(0, int.MaxValue - 1).ToArbitrary();
    private readonly byte[] _buffer = new byte[300];

    private string Encoded(int n) => Convert.ToHexString(_buffer.AsSpan(0, n));

    private static string Hex(string spaced) => spaced.Replace(" ", "");

    [Fact]
    public void Ping_Id1_IsThePublishedPacket() =>
        Assert.Equal(Hex("FF FF 01 02 01 FB"), Encoded(FeetechInstructions.Ping(_buffer, 1)));

    [Fact]
    public void Read_PresentPosition_ChecksumIsInvertedSum() =>
        // ~(01 + 04 + 02 + 38 + 02) = ~0x41 = 0xBE
        Assert.Equal(Hex("FF FF 01 04 02 38 02 BE"), Encoded(FeetechInstructions.Read(_buffer, 1, 56, 2)));

    [Fact]
    public void SyncWrite_GoalPositionsOfTwoServos_LittleEndianValues() =>
        // ~(FE+0A+83+2A+02+01+00+08+02+00+04) = ~0x1C6 = 0x39
        Assert.Equal(Hex("FF FF FE 0A 83 2A 02 01 00 08 02 00 04 39"),
            Encoded(FeetechInstructions.SyncWrite(_buffer, 42, 2, [1, 2], [0x00, 0x08, 0x00, 0x04])));

    [Fact]
    public void SyncRead_PresentPositionOfTwoServos() =>
        Assert.Equal(Hex("FF FF FE 06 82 38 02 01 02 3C"), Encoded(FeetechInstructions.SyncRead(_buffer, 56, 2, [1, 2])));

    [Fact]
    public void Writer_BigEndianFamily_WritesHighByteFirst()
    {
        var w = FeetechPacketWriter.Begin(_buffer, 1, (byte)FeetechInstruction.Write, FeetechByteOrder.BigEndian);
        w.WriteByte(42);
        w.WriteUInt16(0x0102);
        int n = w.Finish();
        Assert.Equal("0102", Convert.ToHexString(_buffer.AsSpan(6, 2)));
        Assert.Equal(FeetechDecodeResult.Packet, FeetechPacketDecoder.TryDecode(_buffer.AsSpan(0, n), out _, out _));
    }

    [Fact]
    public void Decode_StatusWithOverload_GivesErrorAndParameters()
    {
        int n = FeetechInstructions.Status(_buffer, 3, FeetechStatusErrors.Overload, [0x00, 0x08]);
        Assert.Equal(FeetechDecodeResult.Packet, FeetechPacketDecoder.TryDecode(_buffer.AsSpan(0, n), out var info, out int consumed));
        Assert.Equal((3, FeetechStatusErrors.Overload, 2, n), (info.Id, info.Error, info.ParameterLength, consumed));
        Assert.Equal(new byte[] { 0x00, 0x08 }, _buffer.AsSpan(info.ParameterOffset, info.ParameterLength).ToArray());
    }

    [Theory]
    [InlineData(-100, 11, 0x0864)]
    [InlineData(100, 11, 0x0064)]
    [InlineData(-1, 15, 0x8001)]
    [InlineData(-5000, 11, 0x0FFF)]
    public void SignMagnitude_Encode_SignBitPlusMagnitudeSaturated(int value, int signBit, int raw) =>
        Assert.Equal(raw, FeetechSignMagnitude.Encode(value, signBit));

    [Fact]
    public void SignMagnitude_RoundTrip_WithinRangeIsIdentity()
    {
        Prop.ForAll(Gen.Choose(-32767, 32767).ToArbitrary(), Gen.Elements(10, 11, 15).ToArbitrary(), (value, bit) =>
        {
            int max = FeetechSignMagnitude.MaxMagnitude(bit);
            return FeetechSignMagnitude.Decode(FeetechSignMagnitude.Encode(value, bit), bit) == Math.Clamp(value, -max, max);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void EncodeThenDecode_RandomPackets_GiveBackIdCommandAndParameters()
    {
        Prop.ForAll(Seeds, seed =>
        {
            var rng = new Random(seed);
            var buffer = new byte[300];
            byte id = (byte)rng.Next(0, 254);
            var parameters = new byte[rng.Next(0, 60)];
            rng.NextBytes(parameters);
            byte command = (byte)rng.Next(256);
            var w = FeetechPacketWriter.Begin(buffer, id, command);
            w.WriteBytes(parameters);
            int n = w.Finish();
            var result = FeetechPacketDecoder.TryDecode(buffer.AsSpan(0, n), out var info, out int consumed);
            return result == FeetechDecodeResult.Packet && consumed == n && info.Id == id && info.Command == command
                && buffer.AsSpan(info.ParameterOffset, info.ParameterLength).SequenceEqual(parameters);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Decode_RandomStreams_NeverThrowAlwaysProgressAndFindEveryPacket()
    {
        Prop.ForAll(Seeds, seed =>
        {
            var rng = new Random(seed);
            var stream = new List<byte>();
            var expected = new List<(byte Id, int Start, int End)>();
            for (int k = rng.Next(1, 5); k > 0; k--)
            {
                for (int g = rng.Next(0, 20); g > 0; g--) stream.Add(rng.Next(3) == 0 ? (byte)0xFF : (byte)rng.Next(256));
                stream.Add(0x00);
                if (rng.Next(3) == 0) stream.AddRange(new byte[] { 0xFF, 0xFF, 0x07, (byte)rng.Next(2, 256) });
                var buffer = new byte[64];
                byte id = (byte)rng.Next(0, 254);
                int n = FeetechInstructions.Status(buffer, id, FeetechStatusErrors.None, [(byte)rng.Next(256), (byte)rng.Next(256)]);
                expected.Add((id, stream.Count, stream.Count + n));
                stream.AddRange(buffer[..n]);
            }
            var bytes = stream.ToArray();
            var found = new HashSet<int>();
            var falsePackets = new List<(int Start, int End)>();
            int at = 0, guard = 0;
            while (at < bytes.Length && guard++ < 10_000)
            {
                var r = FeetechPacketDecoder.TryDecode(bytes.AsSpan(at), out var info, out int consumed);
                if (r == FeetechDecodeResult.Packet)
                {
                    int start = at + info.ParameterOffset - 5;
                    int real = expected.FindIndex(e => e.Start == start && e.Id == info.Id);
                    if (real >= 0) found.Add(real);
                    else falsePackets.Add((start, start + info.WireLength));
                }
                if (r == FeetechDecodeResult.NeedMoreData && consumed == 0) break;
                at += consumed;
            }

            // Without byte stuffing and with an 8-bit checksum, noise can form a packet whose checksum is right by
            // chance (1 in 256) and that covers a real one; only such a packet may hide one.
            bool everyMissExplained = Enumerable.Range(0, expected.Count).Where(i => !found.Contains(i))
                .All(i => falsePackets.Any(f => f.Start < expected[i].End && expected[i].Start < f.End));
            return everyMissExplained && guard < 10_000;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Decode_SingleByteCorruptionOfBody_IsAlwaysCaught()
    {
        Prop.ForAll(Seeds, seed =>
        {
            var rng = new Random(seed);
            var buffer = new byte[64];
            int n = FeetechInstructions.Write(buffer, (byte)rng.Next(0, 254), (byte)rng.Next(256), [(byte)rng.Next(256), (byte)rng.Next(256), (byte)rng.Next(256)]);
            int at = rng.Next(4, n);   // command, parameters or checksum (not the length)
            buffer[at] ^= (byte)rng.Next(1, 256);
            var r = FeetechPacketDecoder.TryDecode(buffer.AsSpan(0, n), out _, out int consumed);
            return r != FeetechDecodeResult.Packet && consumed is >= 0 and <= 64;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Encode_SyncCycle_DoesNotAllocate()
    {
        byte[] ids = [1, 2, 3, 4, 5, 6];
        var data = new byte[12];
        void Cycle()
        {
            FeetechInstructions.SyncWrite(_buffer, 42, 2, ids, data);
            int n = FeetechInstructions.SyncRead(_buffer, 56, 2, ids);
            FeetechPacketDecoder.TryDecode(_buffer.AsSpan(0, n), out _, out _);
        }
        Cycle();
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 5000; i++) Cycle();
        Assert.Equal(before, GC.GetAllocatedBytesForCurrentThread());
    }
}
