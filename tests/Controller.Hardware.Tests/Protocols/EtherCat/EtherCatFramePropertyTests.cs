using System.Buffers.Binary;
using Controller.Hardware.Protocols.EtherCat;
using FsCheck;
using FsCheck.Fluent;

namespace Controller.Hardware.Tests.Protocols.EtherCat;

public class EtherCatFramePropertyTests
{
    private sealed record Spec(EtherCatCommand Command, byte Index, uint Address, byte[] Data, ushort Irq, ushort WorkingCounter);

    private static readonly Arbitrary<int> Seeds = Gen.Choose(0, int.MaxValue - 1).ToArbitrary();

    private static readonly byte[][] RealFrames = EtherCatTestData.Captures
        .SelectMany(EtherCatTestData.Packets).Select(p => p.Data.ToArray()).Where(f => EtherCatTestData.IsEtherCat(f)).ToArray();

    private static List<Spec> RandomSpecs(Random rng)
    {
        var specs = new List<Spec>();
        int budget = EtherCatFrameLayout.MaxDatagramBytesPerFrame;
        int count = rng.Next(1, 12);
        for (int i = 0; i < count; i++)
        {
            int max = Math.Min(budget - EtherCatFrameLayout.DatagramOverheadBytes, rng.Next(2) == 0 ? 16 : 600);
            if (max < 0)
                break;
            var data = new byte[rng.Next(max + 1)];
            rng.NextBytes(data);
            specs.Add(new Spec((EtherCatCommand)rng.Next(15), (byte)rng.Next(256), (uint)rng.NextInt64(1L << 32), data,
                (ushort)rng.Next(65536), (ushort)rng.Next(65536)));
            budget -= EtherCatFrameLayout.DatagramOverheadBytes + data.Length;
        }
        return specs;
    }

    private static int Encode(List<Spec> specs, byte[] buffer)
    {
        var writer = new EtherCatFrameWriter(buffer, MacAddress.Broadcast, new MacAddress(0x02_00_00_00_00_01));
        var wkcOffsets = new List<int>();
        foreach (var s in specs)
        {
            if (!writer.TryAppend(s.Command, s.Index, s.Address, s.Data, s.Irq))
                throw new InvalidOperationException("spec did not fit");
            wkcOffsets.Add(EtherCatFrameLayout.FirstDatagramOffset + writer.PayloadLength - 2);
        }
        int length = writer.Finish();
        for (int i = 0; i < specs.Count; i++)
            BinaryPrimitives.WriteUInt16LittleEndian(buffer.AsSpan(wkcOffsets[i]), specs[i].WorkingCounter);
        return length;
    }

    private static bool DecodesAs(ReadOnlySpan<byte> frame, List<Spec> specs)
    {
        if (EtherCatFrameReader.TryCreate(frame, out var reader) != EtherCatDecodeError.None)
            return false;
        int i = 0;
        while (reader.TryReadNext(out var d))
        {
            var s = specs[i];
            if (d.Command != s.Command || d.Index != s.Index || d.Address != s.Address || d.Irq != s.Irq
                || d.WorkingCounter != s.WorkingCounter || !d.Data.SequenceEqual(s.Data) || d.MoreFollows != (i < specs.Count - 1))
                return false;
            i++;
        }
        return reader.Error == EtherCatDecodeError.None && i == specs.Count;
    }

    /// <summary>Decodes whatever it is given; true unless the decoder broke one of its promises (an exception fails the property).</summary>
    private static bool DecodesConsistentlyOrFailsWithValue(ReadOnlySpan<byte> frame)
    {
        var error = EtherCatFrameReader.TryCreate(frame, out var reader);
        if (error != EtherCatDecodeError.None)
            return Enum.IsDefined(error);
        int consumed = 0;
        int count = 0;
        while (reader.TryReadNext(out var d))
        {
            if (d.HeaderOffset != reader.FirstDatagramOffset + consumed || d.WorkingCounterOffset + 2 > frame.Length)
                return false;
            consumed += EtherCatFrameLayout.DatagramOverheadBytes + d.Data.Length;
            if (++count > 2048)
                return false;
        }
        return reader.Error == EtherCatDecodeError.None ? consumed == reader.PayloadLength : Enum.IsDefined(reader.Error);
    }

    [Fact]
    public void EncodeDecode_RandomDatagramLists_RoundTrip()
    {
        var buffer = new byte[1514];
        Prop.ForAll(Seeds, seed =>
        {
            var specs = RandomSpecs(new Random(seed));
            int length = Encode(specs, buffer);
            return length >= 60 && DecodesAs(buffer.AsSpan(0, length), specs);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Decode_RandomBytes_ReturnsValueNeverThrows()
    {
        Prop.ForAll(Seeds, seed =>
        {
            var rng = new Random(seed);
            var frame = new byte[rng.Next(0, 200)];
            rng.NextBytes(frame);
            if (frame.Length >= 16 && rng.Next(2) == 0)
            {
                // Make most of these get past the EtherType so the datagram walk is exercised.
                frame[12] = 0x88; frame[13] = 0xA4;
                BinaryPrimitives.WriteUInt16LittleEndian(frame.AsSpan(14), (ushort)(0x1000 | rng.Next(Math.Min(2048, frame.Length - 15))));
            }
            return DecodesConsistentlyOrFailsWithValue(frame);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Decode_MutatedRealFrames_ReturnsValueNeverThrows()
    {
        Prop.ForAll(Seeds, seed =>
        {
            var rng = new Random(seed);
            var frame = (byte[])RealFrames[rng.Next(RealFrames.Length)].Clone();
            int edits = rng.Next(1, 4);
            for (int i = 0; i < edits; i++)
            {
                int at = rng.Next(frame.Length);
                switch (rng.Next(3))
                {
                    case 0: frame[at] ^= (byte)(1 << rng.Next(8)); break;
                    case 1: frame[at] = (byte)rng.Next(256); break;
                    default: frame = frame[..at]; break;
                }
                if (frame.Length == 0)
                    break;
            }
            return DecodesConsistentlyOrFailsWithValue(frame);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void DecodeThenEncode_EveryRealFrame_ReproducesItsBytes()
    {
        var buffer = new byte[1514];
        foreach (var frame in RealFrames)
        {
            Assert.Equal(EtherCatDecodeError.None, EtherCatFrameReader.TryCreate(frame, out var reader));
            var specs = new List<Spec>();
            while (reader.TryReadNext(out var d))
                specs.Add(new Spec(d.Command, d.Index, d.Address, d.Data.ToArray(), d.Irq, d.WorkingCounter));
            int payloadEnd = reader.FirstDatagramOffset + reader.PayloadLength;
            Encode(specs, buffer);
            Assert.True(frame.AsSpan(14, payloadEnd - 14).SequenceEqual(buffer.AsSpan(14, payloadEnd - 14)));
        }
    }
}
