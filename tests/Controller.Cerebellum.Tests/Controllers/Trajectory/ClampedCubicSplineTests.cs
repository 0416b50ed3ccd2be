using Controller.Cerebellum.Controllers.Trajectory;
using FsCheck;
using FsCheck.Fluent;

namespace Controller.Cerebellum.Tests.Controllers.Trajectory;

public class ClampedCubicSplineTests
{
    private static readonly Arbitrary<(int Knots, int Seed)> Cases =
        Arb.From(from knots in Gen.Choose(2, ClampedCubicSpline.MaxKnots) from seed in Gen.Choose(0, int.MaxValue) select (knots, seed));

    [Fact]
    public void Fit_RandomKnots_PassesThroughEveryKnotWithTheClampedEndSlopes()
    {
        Prop.ForAll(Cases, c =>
        {
            var (spline, values, startSlope) = Fitted(c.Knots, c.Seed, joints: 2);
            Span<double> p = stackalloc double[2], v = stackalloc double[2], a = stackalloc double[2];
            for (int k = 0; k < c.Knots; k++)
            {
                spline.Evaluate(spline.Times[k], p, v, a);
                for (int j = 0; j < 2; j++)
                    if (Math.Abs(p[j] - values[k, j]) > 1e-9) return false;
            }
            spline.Evaluate(spline.Times[0], p, v, a);
            bool startOk = Math.Abs(v[0] - startSlope[0]) < 1e-6 && Math.Abs(v[1] - startSlope[1]) < 1e-6;
            spline.Evaluate(spline.EndTime - 1e-9, p, v, a);
            bool endOk = Math.Abs(v[0]) < 1e-4 && Math.Abs(v[1]) < 1e-4;
            spline.Evaluate(spline.EndTime + 1, p, v, a);
            bool holds = p[0] == values[c.Knots - 1, 0] && v[0] == 0 && a[0] == 0;
            return startOk && endOk && holds;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Evaluate_EitherSideOfAnInteriorKnot_PositionVelocityAndAccelerationAgree()
    {
        Prop.ForAll(Cases.Filter(c => c.Knots >= 3), c =>
        {
            var (spline, _, _) = Fitted(c.Knots, c.Seed, joints: 1);
            Span<double> p0 = stackalloc double[1], v0 = stackalloc double[1], a0 = stackalloc double[1];
            Span<double> p1 = stackalloc double[1], v1 = stackalloc double[1], a1 = stackalloc double[1];
            // Either side of a knot, values may differ only by what the largest slope allows over 2h; a
            // broken knot would differ by the scale of the values themselves. Accelerations at the knots bound
            // the jerk: |jerk| <= 2 max|a| / (shortest spacing, 0.01 s).
            const double h = 1e-7;
            double maxA = 0;
            for (int k = 0; k < c.Knots; k++)
            {
                // At the last knot Evaluate already reports the hold after the end (a = 0); the spline's own
                // acceleration there (clamped to stop) is its limit from the left.
                double at = k == c.Knots - 1 ? spline.Times[k] - 1e-9 : spline.Times[k];
                spline.Evaluate(at, p0, v0, a0);
                maxA = Math.Max(maxA, Math.Abs(a0[0]));
            }
            double dvBound = 2 * h * maxA * 1.01 + 1e-12, daBound = 2 * h * (2 * maxA / 0.01) * 1.01 + 1e-12;
            for (int k = 1; k < c.Knots - 1; k++)
            {
                spline.Evaluate(spline.Times[k] - h, p0, v0, a0);
                spline.Evaluate(spline.Times[k] + h, p1, v1, a1);
                if (Math.Abs(p1[0] - p0[0]) > 1e-4 || Math.Abs(v1[0] - v0[0]) > dvBound || Math.Abs(a1[0] - a0[0]) > daBound)
                    return false;
            }
            return true;
        }).QuickCheckThrowOnFailure();
    }

    private static (ClampedCubicSpline Spline, double[,] Values, double[] StartSlope) Fitted(int knots, int seed, int joints)
    {
        var random = new Random(seed);
        var spline = new ClampedCubicSpline(joints);
        var values = new double[knots, joints];
        double t = 0;
        for (int k = 0; k < knots; k++)
        {
            spline.Times[k] = t;
            t += 0.01 + random.NextDouble() * 0.06;
            for (int j = 0; j < joints; j++) spline.KnotValues(k)[j] = values[k, j] = random.NextDouble() * 2 - 1;
        }
        var startSlope = new double[joints];
        for (int j = 0; j < joints; j++) startSlope[j] = random.NextDouble() * 4 - 2;
        spline.Fit(knots, startSlope);
        return (spline, values, startSlope);
    }
}
