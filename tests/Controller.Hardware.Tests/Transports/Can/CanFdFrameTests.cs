using Controller.Hardware.Transports.Can;
using Controller.Pipeline.Time;
using FsCheck;
using FsCheck.Fluent;

namespace Controller.Hardware.Tests.Transports.Can;

/// <summary>CAN FD: the DLC table, the frame type, Linux <c>struct canfd_frame</c>, and SocketCAN FD up to the kernel's refusal.</summary>
public class CanFdFrameTests
{
    [Fact]
    public void LengthOf_EveryDlc_MatchesIso11898Table()
    {
        int[] expected = [0, 1, 2, 3, 4, 5, 6, 7, 8, 12, 16, 20, 24, 32, 48, 64];
        for (int dlc = 0; dlc < 16; dlc++) Assert.Equal(expected[dlc], CanFdDlc.LengthOf(dlc));
        Assert.Throws<ArgumentOutOfRangeException>(() => CanFdDlc.LengthOf(16));
    }

    [Theory]
    [InlineData(8, 8, 8)]
    [InlineData(9, 9, 12)]
    [InlineData(13, 10, 16)]
    [InlineData(33, 14, 48)]
    [InlineData(49, 15, 64)]
    [InlineData(64, 15, 64)]
    public void DlcFor_Length_IsTheSmallestThatFits(int length, int dlc, int roundedUp)
    {
        Assert.Equal(dlc, CanFdDlc.DlcFor(length));
        Assert.Equal(roundedUp, CanFdDlc.RoundUp(length));
        Assert.Equal(length == roundedUp, CanFdDlc.IsValidLength(length));
    }

    [Fact]
    public void DlcFor_65Bytes_Throws() => Assert.Throws<ArgumentOutOfRangeException>(() => CanFdDlc.DlcFor(65));

    [Fact]
    public void RoundUp_AnyLength_IsTheSmallestValidLengthNotBelowIt()
    {
        for (int n = 0; n <= 64; n++)
        {
            int up = CanFdDlc.RoundUp(n);
            Assert.True(up >= n && CanFdDlc.IsValidLength(up));
            for (int k = n; k < up; k++) Assert.False(CanFdDlc.IsValidLength(k));
        }
    }

    [Fact]
    public void Create_ThirteenBytes_PadsToSixteenWithZeros()
    {
        var frame = CanFdFrame.Create(0x123, Enumerable.Range(1, 13).Select(i => (byte)i).ToArray());
        Assert.Equal(16, frame.Length);
        Assert.True(frame.IsFd && frame.BitRateSwitch);
        Assert.Equal(new byte[] { 0, 0, 0 }, frame.Payload[13..].ToArray());
        Assert.False(frame.TryToClassic(out _));
    }

    [Fact]
    public void FromClassic_ThenTryToClassic_IsIdentity()
    {
        var classic = CanFrame.Create(0x1ABCDEF, [1, 2, 3], extended: true);
        Assert.True(CanFdFrame.FromClassic(classic).TryToClassic(out var back));
        Assert.Equal(classic, back);
    }

    [Fact]
    public unsafe void LinuxCanFdFrame_Layout_MatchesKernelStruct()
    {
        Assert.Equal(72, sizeof(LinuxCanFdFrame));
        var frame = default(LinuxCanFdFrame);
        byte* start = (byte*)&frame;
        Assert.Equal(4, (int)(&frame.Length - start));
        Assert.Equal(5, (int)(&frame.Flags - start));
        Assert.Equal(8, (int)(frame.Data - start));
    }

    [Fact]
    public unsafe void LinuxCanFdFrame_TwelveBytesWithBrs_IsByteExact()
    {
        var native = LinuxCanFdFrame.From(CanFdFrame.Create(0x123, Enumerable.Range(0xA0, 12).Select(i => (byte)i).ToArray()));
        var bytes = new ReadOnlySpan<byte>(&native, 72).ToArray();
        Assert.Equal(new byte[] { 0x23, 0x01, 0, 0, 12, 0x05, 0, 0 }, bytes[..8]); // len 12, flags FDF|BRS
        Assert.Equal(Enumerable.Range(0xA0, 12).Select(i => (byte)i).ToArray(), bytes[8..20]);
        Assert.All(bytes[20..], b => Assert.Equal(0, b));
    }

    private static Gen<CanFdFrame> FdFrames =>
        from extended in Gen.Elements(true, false)
        from brs in Gen.Elements(true, false)
        from esi in Gen.Elements(true, false)
        from id in Gen.Choose(0, extended ? (int)CanFrame.MaxExtendedId : 0x7FF)
        from dlc in Gen.Choose(0, 15)
        from data in Gen.ArrayOf(Gen.Choose(0, 255).Select(b => (byte)b), 64)
        select WithEsi(CanFdFrame.Create((uint)id, data.AsSpan(0, CanFdDlc.LengthOf(dlc)), extended, brs), esi);

    private static CanFdFrame WithEsi(CanFdFrame frame, bool esi)
    {
        if (esi) frame.Flags |= CanFrameFlags.ErrorStateIndicator;
        return frame;
    }

    [Fact]
    public unsafe void LinuxCanFdFrame_RoundTrip_IsIdentity()
    {
        Prop.ForAll(FdFrames.ToArbitrary(), frame =>
        {
            var native = LinuxCanFdFrame.From(frame);
            var bytes = new ReadOnlySpan<byte>(&native, LinuxCanFdFrame.Size).ToArray();
            return LinuxCanFdFrame.TryDecode(bytes, 0, out var back) && back == frame;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void TryDecode_RandomBytesOfAnyLength_NeverThrowsAndOnlyValidFrames()
    {
        Prop.ForAll(Gen.Choose(0, int.MaxValue - 1).ToArbitrary(), seed =>
        {
            var rng = new Random(seed);
            var bytes = new byte[rng.Next(4) switch { 0 => 16, 1 => 72, _ => rng.Next(0, 100) }];
            rng.NextBytes(bytes);
            if (!LinuxCanFdFrame.TryDecode(bytes, 1, out var frame)) return true; // a refusal is always allowed
            return bytes.Length is 16 or 72
                   && (frame.IsFd ? CanFdDlc.IsValidLength(frame.Length) : frame.Length <= 8)
                   && frame.Id <= (frame.IsExtended || (frame.Flags & CanFrameFlags.Error) != 0 ? CanFrame.MaxExtendedId : CanFrame.MaxStandardId);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public unsafe void TryDecode_MutatedValidFrames_DecodeToAValidFrameOrFail()
    {
        Prop.ForAll(FdFrames.ToArbitrary(), Gen.Choose(0, int.MaxValue - 1).ToArbitrary(), (frame, seed) =>
        {
            var rng = new Random(seed);
            var native = LinuxCanFdFrame.From(frame);
            var bytes = new ReadOnlySpan<byte>(&native, LinuxCanFdFrame.Size).ToArray();
            for (int i = rng.Next(1, 4); i > 0; i--) bytes[rng.Next(8)] ^= (byte)(1 << rng.Next(8)); // header bits
            if (!LinuxCanFdFrame.TryDecode(bytes, 0, out var back)) return true;
            return CanFdDlc.IsValidLength(back.Length) && back.IsFd;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Constructor_FdFramesOnThisKernel_IsRefusedWithTheFix()
    {
        // The FD path's setsockopt(CAN_RAW_FD_FRAMES) comes after socket/ioctl/bind: this kernel refuses socket(AF_CAN)
        // first; a CAN kernel without the interface refuses the ioctl. Either way it is the documented exception.
        var ex = Assert.Throws<SocketCanUnavailableException>(() => new SocketCanChannel("nocanfd", new ManualClock(), new SocketCanOptions { FlexibleDataRate = true }));
        Assert.True(ex.Message.Contains("modprobe can can_raw") || ex.Message.Contains("ip link add dev nocanfd"), ex.Message);
    }
}
