using Controller.Cerebellum.Safety;
using FsCheck;
using FsCheck.Fluent;

namespace Controller.Cerebellum.Tests.Safety;

public sealed class MotionBoundsTests
{
    [Fact]
    public void StoppingStep_AnyDistance_DecelerationCoversAtMostThatDistance()
    {
        var cases = (from a in Gen.Choose(1, 1000).Select(i => i * 1e-6)
                     from d in Gen.Choose(0, 100_000).Select(i => i * 1e-5)
                     select (a, d)).ToArbitrary();
        Prop.ForAll(cases, c =>
        {
            double v = MotionBounds.StoppingStep(c.a, c.d), covered = 0;
            for (; v > 0; v -= c.a) covered += v;
            return covered <= c.d + 1e-12;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Clamp_LowAboveHigh_ReturnsWithoutThrowing()
    {
        Assert.InRange(MotionBounds.Clamp(1.5, 2, 1), 1, 2);
        Assert.True(double.IsNaN(MotionBounds.Clamp(double.NaN, 0, 1)));
    }

    [Fact]
    public void Decelerate_FromStep_ShrinksByAtMostTheAccelerationBound()
    {
        Assert.Equal(0.5 + 0.0009, MotionBounds.Decelerate(0.5, 0.001, 0.0001, -1, 1), 15);
        Assert.Equal(0.5, MotionBounds.Decelerate(0.5, 0.00005, 0.0001, -1, 1));
        Assert.Equal(1.0, MotionBounds.Decelerate(0.9995, 0.001, 0.0001, -1, 1));
    }
}
