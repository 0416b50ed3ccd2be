using System.Runtime.CompilerServices;
using Controller.Hardware.Transports.Can;
using FsCheck;
using FsCheck.Fluent;

namespace Controller.Hardware.Tests.Transports.Can;

public class CanFrameTests
{
    [Fact]
    public void Size_IsTwentyFourBytes() => Assert.Equal(24, Unsafe.SizeOf<CanFrame>());

    [Fact]
    public void Create_StandardIdAbove7FF_ThrowsNamingRange()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => CanFrame.Create(0x800, [1]));
        Assert.Contains("0x7FF", ex.Message);
    }

    [Fact]
    public void Create_NineBytes_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => CanFrame.Create(1, new byte[9]));

    [Fact]
    public void Create_ExtendedId_KeepsIdAndPayload()
    {
        var frame = CanFrame.Create(0x1234567, [0xDE, 0xAD], extended: true);
        Assert.True(frame.IsExtended);
        Assert.Equal(0x1234567u, frame.Id);
        Assert.Equal(new byte[] { 0xDE, 0xAD }, frame.Payload.ToArray());
        Assert.Equal("01234567#DEAD", frame.ToString());
    }

    [Fact]
    public void ArbitrationKey_StandardBeatsExtendedWithSameBaseAndDataBeatsRemote()
    {
        var standardData = CanFrame.Create(0x100, []);
        var standardRemote = CanFrame.CreateRemote(0x100, 0);
        var extended = CanFrame.Create(0x100u << 18, [], extended: true);
        var lowerStandard = CanFrame.Create(0x0FF, []);
        Assert.True(standardData.ArbitrationKey < standardRemote.ArbitrationKey);
        Assert.True(standardRemote.ArbitrationKey < extended.ArbitrationKey);
        Assert.True(lowerStandard.ArbitrationKey < standardData.ArbitrationKey);
    }

    [Fact]
    public void ArbitrationKey_StandardIds_OrderLikeIds()
    {
        Prop.ForAll(Gen.Choose(0, 0x7FF).Two().ToArbitrary(), pair =>
        {
            var (a, b) = pair;
            var fa = CanFrame.Create((uint)a, []);
            var fb = CanFrame.Create((uint)b, []);
            return a.CompareTo(b) == fa.ArbitrationKey.CompareTo(fb.ArbitrationKey);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void ArbitrationKey_ExtendedIds_OrderLikeIds()
    {
        Prop.ForAll(Gen.Choose(0, (int)CanFrame.MaxExtendedId).Two().ToArbitrary(), pair =>
        {
            var (a, b) = pair;
            var fa = CanFrame.Create((uint)a, [], true);
            var fb = CanFrame.Create((uint)b, [], true);
            return a.CompareTo(b) == fa.ArbitrationKey.CompareTo(fb.ArbitrationKey);
        }).QuickCheckThrowOnFailure();
    }
}
