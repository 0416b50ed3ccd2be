using Controller.Cerebellum.Controllers.Trajectory;
using FsCheck;
using FsCheck.Fluent;

namespace Controller.Cerebellum.Tests.Controllers.Trajectory;

public class JerkLimitedTrackerTests
{
    [Fact]
    public void Step_AnyLimitsPeriodAndWildTargets_KeepsSpeedAccelerationAndJerkWithinLimits()
    {
        var cases = from seed in Gen.Choose(0, int.MaxValue) from period in Gen.Elements(250_000, 1_000_000, 4_000_000) select (seed, period);
        Prop.ForAll(Arb.From(cases), c =>
        {
            var random = new Random(c.seed);
            double vMax = 0.2 + random.NextDouble() * 5, aMax = 1 + random.NextDouble() * 50, jMax = 10 + random.NextDouble() * 5000;
            double dt = c.period * 1e-9;
            var (kp, kv) = JerkLimitedTracker.Gains(aMax, jMax, dt);
            double p = 0, v = (random.NextDouble() * 2 - 1) * vMax, a = 0;
            for (int k = 0; k < 2000; k++)
            {
                double targetP = k % 97 == 0 ? random.NextDouble() * 20 - 10 : p + random.NextDouble() - 0.5;
                double targetV = (random.NextDouble() * 2 - 1) * 50, targetA = (random.NextDouble() * 2 - 1) * 500;
                double before = a;
                JerkLimitedTracker.Step(ref p, ref v, ref a, targetP, targetV, targetA, vMax, aMax, jMax, kp, kv, dt);
                if (Math.Abs(v) > vMax * (1 + 1e-9) || Math.Abs(a) > aMax * (1 + 1e-9) || Math.Abs(a - before) > jMax * dt * (1 + 1e-9))
                    return false;
            }
            return true;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Step_HeldTargetFarAway_ArrivesAndStopsThere()
    {
        double p = 0, v = 0, a = 0, dt = 0.001;
        var (kp, kv) = JerkLimitedTracker.Gains(10, 200, dt);
        for (int k = 0; k < 5000; k++) JerkLimitedTracker.Step(ref p, ref v, ref a, 2.0, 0, 0, 2, 10, 200, kp, kv, dt);
        Assert.Equal(2.0, p, 1e-9);
        Assert.Equal(0, v, 1e-9);
        Assert.Equal(0, a, 1e-9);
    }
}
