using Controller.Pipeline.Time;

namespace Controller.Pipeline.Tests.Time;

public sealed class ManualClockTests
{
    [Fact]
    public void NowNs_New_ReadsStart()
    {
        Assert.Equal(0, new ManualClock().NowNs);
        Assert.Equal(1234, new ManualClock(1234).NowNs);
    }

    [Fact]
    public void Advance_PositiveAndZero_MovesForwardByDelta()
    {
        var clock = new ManualClock(100);

        clock.Advance(50);
        clock.Advance(0);
        clock.Advance(1_000_000_000);

        Assert.Equal(1_000_000_150, clock.NowNs);
    }

    [Fact]
    public void Advance_Negative_ThrowsAndLeavesTime()
    {
        var clock = new ManualClock(100);

        Assert.Throws<ArgumentOutOfRangeException>(() => clock.Advance(-1));

        Assert.Equal(100, clock.NowNs);
    }

    [Fact]
    public void Set_ForwardOrSame_SetsTime()
    {
        var clock = new ManualClock(100);

        clock.Set(100);
        clock.Set(5000);

        Assert.Equal(5000, clock.NowNs);
    }

    [Fact]
    public void Set_Backwards_ThrowsWithBothTimesInMessageAndLeavesTime()
    {
        var clock = new ManualClock(5000);

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => clock.Set(4999));

        Assert.Equal("nowNs", error.ParamName);
        Assert.Equal(4999L, error.ActualValue);
        Assert.Contains("cannot go backwards", error.Message);
        Assert.Contains("5000 ns", error.Message);
        Assert.Contains("4999 ns", error.Message);
        Assert.Equal(5000, clock.NowNs);
    }

    [Fact]
    public void ManualClock_AsInterface_ReadsSameTime()
    {
        var clock = new ManualClock(7);
        IMonotonicClock asInterface = clock;

        clock.Advance(3);

        Assert.Equal(10, asInterface.NowNs);
    }
}
