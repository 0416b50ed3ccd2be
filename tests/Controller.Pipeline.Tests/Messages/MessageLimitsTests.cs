using Controller.Pipeline.Messages;

namespace Controller.Pipeline.Tests.Messages;

public sealed class MessageLimitsTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(43)]
    [InlineData(MessageLimits.MaxJoints)]
    public void ValidateJointCount_InRange_DoesNotThrow(int count)
    {
        MessageLimits.ValidateJointCount(count);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(MessageLimits.MaxJoints + 1)]
    [InlineData(int.MinValue)]
    [InlineData(int.MaxValue)]
    public void ValidateJointCount_OutOfRange_ThrowsNamingValueAndRange(int count)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => MessageLimits.ValidateJointCount(count));

        Assert.Equal("jointCount", error.ParamName);
        Assert.Equal(count, error.ActualValue);
        Assert.Contains($"between 0 and {MessageLimits.MaxJoints}", error.Message);
        Assert.Contains($"it is {count}", error.Message);
    }

    [Fact]
    public void ValidateJointCount_CustomParameterName_IsUsed()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => MessageLimits.ValidateJointCount(65, "joints"));

        Assert.Equal("joints", error.ParamName);
        Assert.StartsWith("joints must be", error.Message);
    }
}
