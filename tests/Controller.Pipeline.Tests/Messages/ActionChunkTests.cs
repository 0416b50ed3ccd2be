using System.Runtime.CompilerServices;
using Controller.Pipeline.Messages;

namespace Controller.Pipeline.Tests.Messages;

public sealed class ActionChunkTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(50, 7)]
    [InlineData(MessageLimits.MaxChunkSteps, MessageLimits.MaxJoints)]
    public void SetShape_InRange_SetsStepsAndDimension(int steps, int dimension)
    {
        var chunk = default(ActionChunk);

        chunk.SetShape(steps, dimension);

        Assert.Equal(steps, chunk.Steps);
        Assert.Equal(dimension, chunk.Dimension);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(MessageLimits.MaxChunkSteps + 1)]
    [InlineData(int.MaxValue)]
    public void SetShape_StepsOutOfRange_ThrowsNamingStepsAndLeavesShape(int steps)
    {
        var chunk = default(ActionChunk);
        chunk.SetShape(3, 4);

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => chunk.SetShape(steps, 4));

        Assert.Equal("steps", error.ParamName);
        Assert.Equal(steps, error.ActualValue);
        Assert.Contains($"between 1 and {MessageLimits.MaxChunkSteps}", error.Message);
        Assert.Equal(3, chunk.Steps);
        Assert.Equal(4, chunk.Dimension);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    [InlineData(MessageLimits.MaxJoints + 1)]
    public void SetShape_DimensionOutOfRange_ThrowsNamingDimension(int dimension)
    {
        var chunk = default(ActionChunk);

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => chunk.SetShape(10, dimension));

        Assert.Equal("dimension", error.ParamName);
        Assert.Equal(dimension, error.ActualValue);
        Assert.Contains($"between 1 and {MessageLimits.MaxJoints}", error.Message);
        Assert.Equal(0, chunk.Steps);
    }

    [Fact]
    public void Row_WriteThroughSpan_AliasesInlineStorageStepMajor()
    {
        var chunk = default(ActionChunk);
        chunk.SetShape(5, 7);

        Span<float> row = chunk.Row(2);
        row[3] = 1.5f;
        row[6] = -2f;

        Assert.Equal(7, row.Length);
        Span<float> values = chunk.Values;
        Assert.Equal(1.5f, values[2 * 7 + 3]);
        Assert.Equal(-2f, values[2 * 7 + 6]);
        Assert.True(Unsafe.AreSame(ref row[0], ref values[14]));
        Assert.True(Unsafe.AreSame(ref chunk.Row(3)[0], ref Unsafe.Add(ref chunk.Row(2)[6], 1)));
    }

    [Fact]
    public void Row_LastRowOfLargestShape_EndsAtLastValue()
    {
        var chunk = default(ActionChunk);
        chunk.SetShape(MessageLimits.MaxChunkSteps, MessageLimits.MaxJoints);

        Span<float> last = chunk.Row(MessageLimits.MaxChunkSteps - 1);

        Assert.Equal(MessageLimits.MaxJoints, last.Length);
        Assert.True(Unsafe.AreSame(ref last[^1], ref ((Span<float>)chunk.Values)[MessageLimits.MaxChunkValues - 1]));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(4)]
    [InlineData(int.MaxValue)]
    public void Row_StepOutsideSteps_ThrowsNamingStep(int step)
    {
        var chunk = default(ActionChunk);
        chunk.SetShape(4, 3);

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => chunk.Row(step).Length);

        Assert.Equal("step", error.ParamName);
        Assert.Contains("between 0 and 3", error.Message);
    }

    [Fact]
    public void Row_DefaultChunk_Throws()
    {
        var chunk = default(ActionChunk);

        Assert.Throws<ArgumentOutOfRangeException>(() => chunk.Row(0).Length);
    }
}
