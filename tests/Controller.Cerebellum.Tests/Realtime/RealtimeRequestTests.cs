using Controller.Cerebellum.Realtime;
using FsCheck;
using FsCheck.Fluent;

namespace Controller.Cerebellum.Tests.Realtime;

public sealed class RealtimeRequestTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(80)]
    [InlineData(99)]
    public void Constructor_PriorityZeroOrWithinFifoRange_Accepted(int priority)
    {
        var request = new RealtimeRequest(priority, cpu: 2, lockMemory: true);

        Assert.Equal(priority, request.Priority);
        Assert.Equal(2, request.Cpu);
        Assert.True(request.LockMemory);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(100)]
    [InlineData(int.MinValue)]
    [InlineData(int.MaxValue)]
    public void Constructor_PriorityOutOfRange_ThrowsNamingValueAndRange(int priority)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new RealtimeRequest(priority, RealtimeRequest.NoPinning, false));

        Assert.Equal("priority", e.ParamName);
        Assert.Equal(priority, e.ActualValue);
        Assert.Contains(priority.ToString(System.Globalization.CultureInfo.InvariantCulture), e.Message);
        Assert.Contains("1..99", e.Message);
    }

    [Theory]
    [InlineData(-2)]
    [InlineData(int.MinValue)]
    public void Constructor_CpuBelowMinusOne_ThrowsNamingValue(int cpu)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new RealtimeRequest(0, cpu, false));

        Assert.Equal("cpu", e.ParamName);
        Assert.Equal(cpu, e.ActualValue);
    }

    [Fact]
    public void With_PriorityOutOfRange_ThrowsToo()
    {
        var request = new RealtimeRequest(80, 0, false);

        Assert.Throws<ArgumentOutOfRangeException>(() => request with { Priority = 100 });
    }

    [Fact]
    public void Constructor_AnyPriority_AcceptsExactlyZeroAndOneToNinetyNine()
    {
        Prop.ForAll(ArbMap.Default.ArbFor<int>(), priority =>
        {
            bool valid = priority == 0 || priority is >= 1 and <= 99;
            try
            {
                var request = new RealtimeRequest(priority, -1, false);
                return valid && request.Priority == priority;
            }
            catch (ArgumentOutOfRangeException)
            {
                return !valid;
            }
        }).QuickCheckThrowOnFailure();
    }
}
