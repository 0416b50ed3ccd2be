using System.Buffers.Binary;
using Controller.Hardware.Protocols.Dynamixel;
using FsCheck;
using FsCheck.Fluent;

namespace Controller.Hardware.Tests.Protocols.Dynamixel;

public class DynamixelCodecPropertyTests
{
    private static readonly Arbitrary<int> Seeds = Gen.Choose(0, int.MaxValue - 1).ToArbitrary();

    /// <summary>Random bytes rich in FF and FD, so stuffing patterns are common.</summary>
    private static byte[] PatternyBytes(Random rng, int length)
    {
        var bytes = new byte[length];
        for (int i = 0; i < length; i++)
            bytes[i] = rng.Next(3) switch { 0 => 0xFF, 1 => 0xFD, _ => (byte)rng.Next(256) };
        return bytes;
    }

    private static byte[] RandomIds(Random rng) =>
        Enumerable.Range(0, rng.Next(1, 8)).Select(_ => (byte)rng.Next(0, 253)).ToArray();

    /// <summary>One random instruction, encoded; returns the packet and the (id, instruction, body) a decoder must give back.</summary>
    private static (byte[] Packet, byte Id, DynamixelInstruction Instruction, byte[] Body) RandomInstruction(Random rng)
    {
        var buffer = new byte[2048];
        byte id = (byte)rng.Next(0, 253);
        ushort address = (ushort)rng.Next(0, 700);
        ushort length = (ushort)rng.Next(1, 9);
        var data = PatternyBytes(rng, rng.Next(0, 40));
        var ids = RandomIds(rng);
        var body = new List<byte>();
        void U16(int v) { body.Add((byte)v); body.Add((byte)(v >> 8)); }
        int n;
        DynamixelInstruction instruction;
        switch (rng.Next(13))
        {
            case 0: instruction = DynamixelInstruction.Ping; n = DynamixelInstructions.Ping(buffer, id); break;
            case 1: instruction = DynamixelInstruction.Read; n = DynamixelInstructions.Read(buffer, id, address, length); U16(address); U16(length); break;
            case 2: instruction = DynamixelInstruction.Write; n = DynamixelInstructions.Write(buffer, id, address, data); U16(address); body.AddRange(data); break;
            case 3: instruction = DynamixelInstruction.RegWrite; n = DynamixelInstructions.RegWrite(buffer, id, address, data); U16(address); body.AddRange(data); break;
            case 4: instruction = DynamixelInstruction.Action; n = DynamixelInstructions.Action(buffer, id); break;
            case 5: instruction = DynamixelInstruction.Reboot; n = DynamixelInstructions.Reboot(buffer, id); break;
            case 6:
                instruction = DynamixelInstruction.FactoryReset;
                byte option = (byte)rng.Next(256);
                n = DynamixelInstructions.FactoryReset(buffer, id, option);
                body.Add(option);
                break;
            case 7: instruction = DynamixelInstruction.SyncRead; n = DynamixelInstructions.SyncRead(buffer, address, length, ids); U16(address); U16(length); body.AddRange(ids); id = 0xFE; break;
            case 8: instruction = DynamixelInstruction.FastSyncRead; n = DynamixelInstructions.FastSyncRead(buffer, address, length, ids); U16(address); U16(length); body.AddRange(ids); id = 0xFE; break;
            case 9:
            {
                instruction = DynamixelInstruction.SyncWrite;
                var payload = PatternyBytes(rng, ids.Length * length);
                n = DynamixelInstructions.SyncWrite(buffer, address, length, ids, payload);
                U16(address); U16(length);
                for (int i = 0; i < ids.Length; i++) { body.Add(ids[i]); body.AddRange(payload.AsSpan(i * length, length).ToArray()); }
                id = 0xFE;
                break;
            }
            case 10:
            {
                instruction = DynamixelInstruction.BulkRead;
                var entries = ids.Select(i => new DynamixelBulkEntry(i, (ushort)rng.Next(700), (ushort)rng.Next(1, 9))).ToArray();
                n = DynamixelInstructions.BulkRead(buffer, entries);
                foreach (var e in entries) { body.Add(e.Id); U16(e.Address); U16(e.Length); }
                id = 0xFE;
                break;
            }
            case 11:
            {
                instruction = DynamixelInstruction.BulkWrite;
                var entries = ids.Select(i => new DynamixelBulkEntry(i, (ushort)rng.Next(700), (ushort)rng.Next(1, 9))).ToArray();
                var payload = PatternyBytes(rng, entries.Sum(e => e.Length));
                n = DynamixelInstructions.BulkWrite(buffer, entries, payload);
                int offset = 0;
                foreach (var e in entries) { body.Add(e.Id); U16(e.Address); U16(e.Length); body.AddRange(payload.AsSpan(offset, e.Length).ToArray()); offset += e.Length; }
                id = 0xFE;
                break;
            }
            default:
            {
                instruction = DynamixelInstruction.Status;
                byte error = (byte)rng.Next(256);
                n = DynamixelInstructions.Status(buffer, id, error, data);
                body.Add(error);
                body.AddRange(data);
                break;
            }
        }
        return (buffer[..n], id, instruction, body.ToArray());
    }

    [Fact]
    public void EncodeThenDecode_EveryInstruction_GivesBackIdInstructionAndBody()
    {
        Prop.ForAll(Seeds, seed =>
        {
            var rng = new Random(seed);
            var (packet, id, instruction, expectedBody) = RandomInstruction(rng);
            var body = new byte[2048];
            var result = DynamixelPacketDecoder.TryDecode(packet, body, out var info, out int consumed);
            return result == DynamixelDecodeResult.Packet
                && consumed == packet.Length
                && info.Id == id
                && info.Instruction == instruction
                && body.AsSpan(0, info.BodyLength).SequenceEqual(expectedBody)
                && BinaryPrimitives.ReadUInt16LittleEndian(packet.AsSpan(5)) == packet.Length - 7
                && DynamixelPacketDecoder.FindHeader(packet.AsSpan(1)) < 0;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void StuffThenUnstuff_AnyBytes_IsIdentityAndLeavesNoHeaderPattern()
    {
        Prop.ForAll(Seeds, seed =>
        {
            var rng = new Random(seed);
            var original = PatternyBytes(rng, rng.Next(0, 64));
            var buffer = new byte[original.Length * 2 + 4];
            original.CopyTo(buffer, 0);
            int stuffed = DynamixelByteStuffing.StuffInPlace(buffer, original.Length);
            var back = new byte[original.Length];
            int unstuffed = DynamixelByteStuffing.Unstuff(buffer.AsSpan(0, stuffed), back);
            bool noBarePattern = true;
            for (int i = 0; i + 3 < stuffed; i++)
                if (buffer[i] == 0xFF && buffer[i + 1] == 0xFF && buffer[i + 2] == 0xFD && buffer[i + 3] != 0xFD) noBarePattern = false;
            bool lastNotBare = stuffed < 3 || !(buffer[stuffed - 3] == 0xFF && buffer[stuffed - 2] == 0xFF && buffer[stuffed - 1] == 0xFD);
            return unstuffed == original.Length && back.AsSpan().SequenceEqual(original) && noBarePattern && lastNotBare
                && stuffed == original.Length + DynamixelByteStuffing.CountInsertions(original);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Stuffing_HeaderPatternInParameters_IsEscapedAsOnTheWire()
    {
        var buffer = new byte[64];
        int n = DynamixelInstructions.Write(buffer, 1, 0x0200, [0xFF, 0xFF, 0xFD, 0x01]);
        Assert.Equal("FFFFFD0001", Hex.Of(buffer.AsSpan(0, 5)));
        Assert.Equal("030002FFFFFDFD01", Hex.Of(buffer.AsSpan(7, n - 9)));
        Assert.Equal(n - 7, BinaryPrimitives.ReadUInt16LittleEndian(buffer.AsSpan(5)));
    }

    /// <summary>Feeds <paramref name="stream"/> to a stream decoder in random pieces; returns the packets it yields, checking it always makes progress.</summary>
    private static List<(byte Id, DynamixelInstruction Instruction, byte[] Body)> DecodeAll(byte[] stream, Random rng)
    {
        var decoder = new DynamixelStreamDecoder();
        var body = new byte[2048];
        var packets = new List<(byte, DynamixelInstruction, byte[])>();
        int at = 0;
        int guard = 0;
        while (at < stream.Length || decoder.Buffered > 0)
        {
            int piece = Math.Min(stream.Length - at, rng.Next(1, 64));
            decoder.Append(stream.AsSpan(at, piece));
            at += piece;
            while (true)
            {
                if (++guard > 1_000_000) throw new InvalidOperationException("decoder made no progress");
                var r = decoder.TryNext(body, out var info);
                if (r == DynamixelDecodeResult.Packet) packets.Add((info.Id, info.Instruction, body[..info.BodyLength]));
                else if (r == DynamixelDecodeResult.NeedMoreData) break;
            }
            if (at == stream.Length) break;
        }
        return packets;
    }

    [Fact]
    public void StreamDecoder_RandomBytes_NeverThrowsOrHangsAndYieldsOnlyValidPackets()
    {
        Prop.ForAll(Seeds, seed =>
        {
            var rng = new Random(seed);
            var noise = PatternyBytes(rng, rng.Next(0, 600));
            // Every packet found in noise must re-encode to a CRC-valid packet: decoding is all-or-nothing.
            return DecodeAll(noise, rng).All(p => p.Body.Length < 2048);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void StreamDecoder_PacketsBetweenGarbage_ResynchronisesAndFindsEveryPacket()
    {
        Prop.ForAll(Seeds, seed =>
        {
            var rng = new Random(seed);
            var stream = new List<byte>();
            var expected = new List<(byte, DynamixelInstruction, byte[])>();
            for (int k = rng.Next(1, 6); k > 0; k--)
            {
                // Garbage that cannot end in a partial header that would swallow the next packet's start.
                var garbage = PatternyBytes(rng, rng.Next(0, 30));
                stream.AddRange(garbage);
                stream.Add(0x00);
                // Sometimes a false header in the noise, claiming a packet long enough to swallow the real one.
                if (rng.Next(3) == 0) stream.AddRange(new byte[] { 0xFF, 0xFF, 0xFD, 0x00, 0x01, (byte)rng.Next(3, 256), 0x00 });
                var (packet, id, instruction, body) = RandomInstruction(rng);
                stream.AddRange(packet);
                expected.Add((id, instruction, body));
            }
            var found = DecodeAll(stream.ToArray(), rng);
            // Garbage may contain accidental valid packets only with a CRC match; every real packet must be found, in order.
            int j = 0;
            foreach (var f in found)
                if (j < expected.Count && f.Id == expected[j].Item1 && f.Instruction == expected[j].Item2 && f.Body.AsSpan().SequenceEqual(expected[j].Item3)) j++;
            return j == expected.Count;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Decode_MutatedOrTruncatedPacket_NeverThrowsAndNeverReturnsTheDamagedContent()
    {
        Prop.ForAll(Seeds, seed =>
        {
            var rng = new Random(seed);
            var (packet, _, _, _) = RandomInstruction(rng);
            var damaged = (byte[])packet.Clone();
            bool truncated = rng.Next(2) == 0;
            if (truncated) damaged = damaged[..rng.Next(0, damaged.Length)];
            else damaged[rng.Next(4, damaged.Length)] ^= (byte)rng.Next(1, 256);
            var body = new byte[2048];
            var result = DynamixelPacketDecoder.TryDecode(damaged, body, out _, out int consumed);
            bool progressOrWait = consumed >= 0 && consumed <= damaged.Length;
            // A single-byte change is always caught by CRC-16, unless it hit the length (then: malformed, need more, or CRC).
            return progressOrWait && (truncated ? result != DynamixelDecodeResult.Packet : result != DynamixelDecodeResult.Packet || consumed < damaged.Length);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Decode_CorruptLengthClaimingHugePacket_IsMalformedNotAWait()
    {
        var body = new byte[64];
        var result = DynamixelPacketDecoder.TryDecode(Hex.Bytes("FF FF FD 00 01 FF FF 55 00"), body, out _, out int consumed);
        Assert.Equal(DynamixelDecodeResult.Malformed, result);
        Assert.Equal(1, consumed);
    }

    [Fact]
    public void Decode_StuffedPatternIsNotAHeader()
    {
        Assert.Equal(-1, DynamixelPacketDecoder.FindHeader(Hex.Bytes("01 FF FF FD FD 02")));
        Assert.Equal(2, DynamixelPacketDecoder.FindHeader(Hex.Bytes("FF FF FF FF FD 00")));
    }

    [Fact]
    public void EncodeAndDecode_SyncCycleOfSixServos_DoesNotAllocate()
    {
        var buffer = new byte[256];
        var body = new byte[256];
        byte[] ids = [1, 2, 3, 4, 5, 6];
        var data = new byte[24];
        var decoder = new DynamixelStreamDecoder();
        void Cycle()
        {
            DynamixelInstructions.SyncWrite(buffer, 116, 4, ids, data);
            DynamixelInstructions.SyncRead(buffer, 126, 10, ids);
            for (int i = 0; i < 6; i++)
            {
                int n = DynamixelInstructions.Status(buffer, ids[i], 0, data.AsSpan(0, 10));
                decoder.Append(buffer.AsSpan(0, n));
                decoder.TryNext(body, out _);
            }
        }
        // Warm up past tiered compilation (it promotes hot methods after 30 calls and a 100 ms delay): the first calls
        // into tier-1 code can resolve things lazily on this thread, which a single warm-up call does not cover.
        var warm = System.Diagnostics.Stopwatch.StartNew();
        while (warm.ElapsedMilliseconds < 300) Cycle();
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 5000; i++) Cycle();
        Assert.Equal(before, GC.GetAllocatedBytesForCurrentThread());
    }
}
