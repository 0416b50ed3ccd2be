using Controller.Hardware.Protocols.Modbus;
using Controller.Hardware.Protocols.Robotiq;
using FsCheck;
using FsCheck.Fluent;

namespace Controller.Hardware.Tests.Protocols.Robotiq;

public class Ft300StreamTests
{
    private static readonly Arbitrary<int> Seeds = Gen.Choose(0, int.MaxValue - 1).ToArbitrary();

    private static Ft300Sample RandomSample(Random rng) => new(
        (short)rng.Next(short.MinValue, short.MaxValue + 1), (short)rng.Next(short.MinValue, short.MaxValue + 1), (short)rng.Next(short.MinValue, short.MaxValue + 1),
        (short)rng.Next(short.MinValue, short.MaxValue + 1), (short)rng.Next(short.MinValue, short.MaxValue + 1), (short)rng.Next(short.MinValue, short.MaxValue + 1));

    private static byte[] Frame(Ft300Sample s)
    {
        var f = new byte[Ft300StreamFrame.Length];
        Ft300StreamFrame.Encode(f, s);
        return f;
    }

    [Fact]
    public void Encode_KnownWrench_HeaderLittleEndianValuesAndCrc()
    {
        // Fx = 1.00 N (100 = 0x0064), Fy = −1.00 N (−100 = 0xFF9C), Fz = 300.00 N (30000 = 0x7530),
        // Mx = 0.001 N·m (1), My = −0.256 N·m (−256 = 0xFF00), Mz = 0.
        var frame = Frame(Ft300Sample.FromSi(1, -1, 300, 0.001, -0.256, 0));
        Assert.Equal("204E" + "6400" + "9CFF" + "3075" + "0100" + "00FF" + "0000", Convert.ToHexString(frame, 0, 14));
        Assert.True(ModbusCrc.IsValid(frame));
        Assert.True(Ft300StreamFrame.TryDecode(frame, out var s));
        Assert.Equal((1.0, -1.0, 300.0, 0.001, -0.256, 0.0), (s.ForceXN, s.ForceYN, s.ForceZN, s.TorqueXNm, s.TorqueYNm, s.TorqueZNm));
    }

    [Fact]
    public void FromSi_BeyondInt16_Saturates()
    {
        var s = Ft300Sample.FromSi(1000, -1000, double.NaN, 40, -40, 0.0004);
        Assert.Equal((short.MaxValue, short.MinValue, (short)0, short.MaxValue, short.MinValue, (short)0), (s.ForceX, s.ForceY, s.ForceZ, s.TorqueX, s.TorqueY, s.TorqueZ));
    }

    [Fact]
    public void EncodeDecode_RoundTrips()
    {
        Prop.ForAll(Seeds, seed =>
        {
            var sample = RandomSample(new Random(seed));
            Assert.True(Ft300StreamFrame.TryDecode(Frame(sample), out var back));
            Assert.Equal(sample, back);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Decoder_FramesSplitAnyhowWithGarbageBetween_FindsEveryFrameInOrder()
    {
        Prop.ForAll(Seeds, seed =>
        {
            var rng = new Random(seed);
            var samples = Enumerable.Range(0, rng.Next(1, 12)).Select(_ => RandomSample(rng)).ToArray();
            var stream = new List<byte>();
            foreach (var s in samples)
            {
                var garbage = new byte[rng.Next(0, 20)];
                rng.NextBytes(garbage);
                // false headers in the garbage, the kind that must not swallow the real frame behind them
                for (int i = 0; i + 1 < garbage.Length; i += 5) { garbage[i] = 0x20; garbage[i + 1] = 0x4E; }
                stream.AddRange(garbage);
                stream.AddRange(Frame(s));
            }
            var decoder = new Ft300StreamDecoder();
            var found = new List<Ft300Sample>();
            var bytes = stream.ToArray();
            for (int at = 0; at < bytes.Length;)
            {
                int piece = Math.Min(rng.Next(1, 40), bytes.Length - at);
                decoder.Append(bytes.AsSpan(at, piece));
                at += piece;
                Ft300StreamResult r;
                while ((r = decoder.TryNext(out var s)) != Ft300StreamResult.NeedMoreData)
                    if (r == Ft300StreamResult.Frame) found.Add(s);
            }
            // Every real frame is found, in order. A false header in the garbage whose 16 bytes pass the CRC by chance
            // (2^-16 each; a run makes thousands) decodes as a frame and consumes the start of the real one behind it:
            // only such a chance frame may hide a real one, and it hides at most one.
            int k = 0, chance = 0;
            foreach (var s in found)
            {
                if (k < samples.Length && s == samples[k]) k++;
                else chance++;
            }

            Assert.True(k >= samples.Length - chance, $"found {k} of {samples.Length} frames with {chance} chance frames");
            Assert.True(chance <= 1, $"{chance} chance frames in one stream");
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Decoder_RandomBytes_NeverThrowsAndAlwaysDrains()
    {
        Prop.ForAll(Seeds, seed =>
        {
            var rng = new Random(seed);
            var decoder = new Ft300StreamDecoder(64);
            for (int round = 0; round < 20; round++)
            {
                var noise = new byte[rng.Next(0, 200)];
                rng.NextBytes(noise);
                decoder.Append(noise);
                int calls = 0;
                while (decoder.TryNext(out _) != Ft300StreamResult.NeedMoreData) Assert.True(++calls < 10_000);
                Assert.True(decoder.Buffered < Ft300StreamFrame.Length);
            }
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Decoder_SingleByteMutation_NeverYieldsAWrongSample()
    {
        Prop.ForAll(Seeds, seed =>
        {
            var rng = new Random(seed);
            var sample = RandomSample(rng);
            var frame = Frame(sample);
            frame[rng.Next(2, 16)] ^= (byte)rng.Next(1, 256);
            var decoder = new Ft300StreamDecoder();
            decoder.Append(frame);
            decoder.Append(Frame(sample));
            var found = new List<Ft300Sample>();
            Ft300StreamResult r;
            while ((r = decoder.TryNext(out var s)) != Ft300StreamResult.NeedMoreData)
                if (r == Ft300StreamResult.Frame) found.Add(s);
            Assert.Equal([sample], found);
            Assert.True(decoder.CrcMismatches >= 1);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Identity_FormatsAsRobotiqSoftware()
    {
        Assert.Equal("FTS-1.0.3", Ft300Identity.FormatFirmware(Ft300Identity.FirmwareRegisters("FTS", 1, 0, 3)));
        Assert.Equal("FTS-0123", Ft300Identity.FormatSerialNumber(Ft300Identity.SerialNumberRegisters("FTS", 123)));
        Assert.Equal("ABC-70000", Ft300Identity.FormatSerialNumber(Ft300Identity.SerialNumberRegisters("ABC", 70000)));
        Assert.Equal("UNKNOWN", Ft300Identity.FormatSerialNumber(new ushort[4]));
    }
}
