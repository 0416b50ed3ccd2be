using Controller.Hardware.Protocols.Slcan;
using Controller.Hardware.Transports.Can;
using FsCheck;
using FsCheck.Fluent;

namespace Controller.Hardware.Tests.Protocols.Slcan;

public class SlcanFdPropertyTests
{
    internal static CanFdFrame RandomFdFrame(Random rng)
    {
        bool extended = rng.Next(2) == 0;
        uint id = (uint)rng.NextInt64(0, (extended ? CanFrame.MaxExtendedId : CanFrame.MaxStandardId) + 1);
        var data = new byte[CanFdDlc.LengthOf(rng.Next(16))];
        rng.NextBytes(data);
        return CanFdFrame.Create(id, data, extended, bitRateSwitch: rng.Next(2) == 0);
    }

    private static byte[] Line(CanFdFrame frame, int timestampMs)
    {
        var buffer = new byte[SlcanEncoder.MaxLineLength];
        return buffer[..SlcanEncoder.EncodeFdFrame(frame, buffer, timestampMs)];
    }

    [Fact]
    public void EncodeThenDecode_RandomFdFrames_IsIdentity()
    {
        Prop.ForAll(Gen.Choose(0, int.MaxValue - 1).ToArbitrary(), seed =>
        {
            var rng = new Random(seed);
            var frame = RandomFdFrame(rng);
            int timestamp = rng.Next(2) == 0 ? -1 : rng.Next(0, 60_000);
            var decoder = new SlcanDecoder();
            SlcanMessage message = default;
            var result = SlcanDecodeResult.NeedMore;
            foreach (byte b in Line(frame, timestamp)) result = decoder.Push(b, out message);
            return result == SlcanDecodeResult.Message && message.Kind == SlcanMessageKind.FdFrame && message.FdFrame == frame
                && message.HasTimestamp == (timestamp >= 0) && (timestamp < 0 || message.TimestampMs == timestamp);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Push_RandomBytesWithFdLetters_NeverThrowsAndRecoversForNextFdLine()
    {
        Prop.ForAll(Gen.Choose(0, int.MaxValue - 1).ToArbitrary(), seed =>
        {
            var rng = new Random(seed);
            var decoder = new SlcanDecoder();
            var noise = new byte[rng.Next(0, 400)];
            rng.NextBytes(noise);
            // Bias the noise towards what an FD line is made of, so the FD paths are reached, not only rejected at byte 0.
            for (int i = 0; i < noise.Length; i++)
                if (rng.Next(3) == 0) noise[i] = (byte)"dDbB0123456789ABCDEFf\r"[rng.Next(22)];
            foreach (byte b in noise) decoder.Push(b, out _);
            decoder.Push((byte)'\r', out _);
            var frame = RandomFdFrame(rng);
            SlcanMessage message = default;
            var result = SlcanDecodeResult.NeedMore;
            foreach (byte b in Line(frame, -1)) result = decoder.Push(b, out message);
            return result == SlcanDecodeResult.Message && message.FdFrame == frame;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void TryDecodeLine_MutatedValidFdLines_DecodeValidFramesOrFail()
    {
        Prop.ForAll(Gen.Choose(0, int.MaxValue - 1).ToArbitrary(), seed =>
        {
            var rng = new Random(seed);
            var line = Line(RandomFdFrame(rng), rng.Next(2) == 0 ? -1 : rng.Next(60_000)).ToList();
            line.RemoveAt(line.Count - 1); // the CR
            for (int edits = rng.Next(1, 4); edits > 0 && line.Count > 0; edits--)
            {
                int at = rng.Next(line.Count);
                switch (rng.Next(3))
                {
                    case 0: line.RemoveAt(at); break;
                    case 1: line.Insert(at, (byte)"0123456789ABCDEFdDbBtTx"[rng.Next(23)]); break;
                    default: line[at] = (byte)rng.Next(256); break;
                }
            }
            if (!SlcanDecoder.TryDecodeLine(line.ToArray(), out var message)) return true;
            if (message.Kind == SlcanMessageKind.Frame) return CanFrame.IsValidId(message.Frame.Id, message.Frame.IsExtended) && message.Frame.Length <= 8;
            if (message.Kind != SlcanMessageKind.FdFrame) return true;
            var f = message.FdFrame;
            // A frame that decodes must encode back to the very line it came from (upper-case hex aside).
            var again = Line(f, message.HasTimestamp ? message.TimestampMs : -1);
            return f.IsFd && CanFrame.IsValidId(f.Id, f.IsExtended) && CanFdDlc.IsValidLength(f.Length)
                && (f.Flags & (CanFrameFlags.Remote | CanFrameFlags.Error | CanFrameFlags.ErrorStateIndicator)) == 0
                && ToUpperHexEqual(again, line);
        }).QuickCheckThrowOnFailure();
    }

    /// <summary>True when the re-encoded line (without CR) equals the mutated one, hex digits compared case-insensitively.</summary>
    private static bool ToUpperHexEqual(byte[] encodedWithCr, List<byte> line)
    {
        if (encodedWithCr.Length - 1 != line.Count) return false;
        if (encodedWithCr[0] != line[0]) return false;
        for (int i = 1; i < line.Count; i++)
            if (char.ToUpperInvariant((char)line[i]) != (char)encodedWithCr[i]) return false;
        return true;
    }

    [Fact]
    public void Push_TruncatedFdLinesThenValidLine_DropsTheTruncatedOnes()
    {
        Prop.ForAll(Gen.Choose(0, int.MaxValue - 1).ToArbitrary(), seed =>
        {
            var rng = new Random(seed);
            var decoder = new SlcanDecoder();
            var full = Line(RandomFdFrame(rng), -1);
            int cut = rng.Next(1, full.Length - 1);
            for (int i = 0; i < cut; i++) decoder.Push(full[i], out _);
            // A line cut short (no timestamp to mistake the tail for) has fewer digits than its DLC asks for.
            bool dropped = decoder.Push((byte)'\r', out _) == SlcanDecodeResult.Malformed;
            var frame = RandomFdFrame(rng);
            SlcanMessage message = default;
            var result = SlcanDecodeResult.NeedMore;
            foreach (byte b in Line(frame, -1)) result = decoder.Push(b, out message);
            return dropped && result == SlcanDecodeResult.Message && message.FdFrame == frame;
        }).QuickCheckThrowOnFailure();
    }
}
