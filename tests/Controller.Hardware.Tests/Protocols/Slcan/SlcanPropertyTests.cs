using Controller.Hardware.Protocols.Slcan;
using Controller.Hardware.Transports.Can;
using FsCheck;
using FsCheck.Fluent;

namespace Controller.Hardware.Tests.Protocols.Slcan;

public class SlcanPropertyTests
{
    internal static CanFrame RandomFrame(Random rng)
    {
        bool extended = rng.Next(2) == 0;
        uint id = (uint)rng.NextInt64(0, (extended ? CanFrame.MaxExtendedId : CanFrame.MaxStandardId) + 1);
        int length = rng.Next(0, 9);
        if (rng.Next(4) == 0) return CanFrame.CreateRemote(id, length, extended);
        var data = new byte[length];
        rng.NextBytes(data);
        return CanFrame.Create(id, data, extended);
    }

    private static byte[] Line(CanFrame frame, int timestampMs)
    {
        var buffer = new byte[SlcanEncoder.MaxLineLength];
        return buffer[..SlcanEncoder.EncodeFrame(frame, buffer, timestampMs)];
    }

    [Fact]
    public void EncodeThenDecode_RandomFrames_IsIdentity()
    {
        Prop.ForAll(Gen.Choose(0, int.MaxValue - 1).ToArbitrary(), seed =>
        {
            var rng = new Random(seed);
            var frame = RandomFrame(rng);
            int timestamp = rng.Next(2) == 0 ? -1 : rng.Next(0, 60_000);
            var decoder = new SlcanDecoder();
            SlcanMessage message = default;
            var result = SlcanDecodeResult.NeedMore;
            foreach (byte b in Line(frame, timestamp)) result = decoder.Push(b, out message);
            return result == SlcanDecodeResult.Message && message.Frame == frame
                && message.HasTimestamp == (timestamp >= 0) && (timestamp < 0 || message.TimestampMs == timestamp);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Push_RandomBytes_NeverThrowsAndRecoversForNextLine()
    {
        Prop.ForAll(Gen.Choose(0, int.MaxValue - 1).ToArbitrary(), seed =>
        {
            var rng = new Random(seed);
            var decoder = new SlcanDecoder();
            var noise = new byte[rng.Next(0, 200)];
            rng.NextBytes(noise);
            foreach (byte b in noise) decoder.Push(b, out _);
            // Whatever came before, a CR then a valid line decodes.
            decoder.Push((byte)'\r', out _);
            var frame = RandomFrame(rng);
            SlcanMessage message = default;
            var result = SlcanDecodeResult.NeedMore;
            foreach (byte b in Line(frame, -1)) result = decoder.Push(b, out message);
            return result == SlcanDecodeResult.Message && message.Frame == frame;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void TryDecodeLine_MutatedValidLines_DecodeValidFramesOrFail()
    {
        Prop.ForAll(Gen.Choose(0, int.MaxValue - 1).ToArbitrary(), seed =>
        {
            var rng = new Random(seed);
            var line = Line(RandomFrame(rng), rng.Next(2) == 0 ? -1 : rng.Next(60_000)).ToList();
            line.RemoveAt(line.Count - 1); // the CR
            for (int edits = rng.Next(1, 4); edits > 0 && line.Count > 0; edits--)
            {
                int at = rng.Next(line.Count);
                switch (rng.Next(3))
                {
                    case 0: line.RemoveAt(at); break;
                    case 1: line.Insert(at, (byte)"0123456789ABCDEFtTrRxz"[rng.Next(22)]); break;
                    default: line[at] = (byte)rng.Next(256); break;
                }
            }
            if (!SlcanDecoder.TryDecodeLine(line.ToArray(), out var message)) return true;
            if (message.Kind != SlcanMessageKind.Frame) return true;
            var f = message.Frame;
            return CanFrame.IsValidId(f.Id, f.IsExtended) && f.Length <= 8;
        }).QuickCheckThrowOnFailure();
    }
}
