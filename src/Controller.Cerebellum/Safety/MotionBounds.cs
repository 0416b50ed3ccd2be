namespace Controller.Cerebellum.Safety;

/// <summary>
/// The supervisor's per-joint arithmetic, in per-cycle units: a position step is a velocity × period, an
/// acceleration bound is AccelerationMax × period². Pure functions that never throw, even on NaN.
/// </summary>
internal static class MotionBounds
{
    /// <summary><paramref name="x"/> limited to [lo, hi]; unlike Math.Clamp it never throws, even when lo &gt; hi.</summary>
    public static double Clamp(double x, double lo, double hi) => x > hi ? hi : x < lo ? lo : x;

    /// <summary>
    /// The next position from <paramref name="p"/> (previous step <paramref name="s"/>) toward
    /// <paramref name="target"/> that moves by <paramref name="targetStep"/> per cycle: the step changes by
    /// at most <paramref name="a"/>, stays within max(<paramref name="vLim"/>, |s| − a), brakes before the soft
    /// limits and never leaves them (or, when p is outside them, never moves further out).
    /// </summary>
    public static double Ramp(double p, double s, double target, double targetStep, double a, double vLim, double softMin, double softMax) =>
        Ramp(p, s, target, targetStep, a, a, vLim, softMin, softMax);

    /// <summary>
    /// As the other overload, for a cycle whose length differs from the previous one: the step changes by at most
    /// <paramref name="a"/> (the bound between the two intervals), while braking toward the target and before the soft limits
    /// plans with cycles of this one's length, each slowing by <paramref name="brake"/>.
    /// </summary>
    public static double Ramp(double p, double s, double target, double targetStep, double a, double brake, double vLim, double softMin, double softMax)
    {
        // Close the gap to where the target was, braking so as to arrive with the target's own velocity.
        double gap = target - p - targetStep;
        double catchUp = Math.CopySign(Math.Min(Math.Abs(gap), StoppingStep(brake, Math.Abs(gap))), gap);
        double desired = BrakeBeforeLimits(p, targetStep + catchUp, brake, softMin, softMax);
        double step = Clamp(desired, s - a, s + a);
        double bound = Math.Max(vLim, Math.Abs(s) - a);
        step = Clamp(step, -bound, bound);
        return Clamp(p + step, Math.Min(p, softMin), Math.Max(p, softMax));
    }

    /// <summary>
    /// True when <paramref name="x"/> and <paramref name="y"/> differ by no more than the rounding of arithmetic on
    /// values as large as <paramref name="x"/>, <paramref name="y"/> or <paramref name="scale"/> (sixteen units in the last
    /// place): at most about 1.4e-14 for positions within ±2π, far below any limit's meaning. Sixteen, not four: a reference
    /// that holds its acceleration exactly at the limit sits on the step-change bound, and the bound and the step are each
    /// a few roundings of positions away (found after the schedule-period fix: 6 ulps with the follower saturated).
    /// </summary>
    public static bool SameUpToRounding(double x, double y, double scale)
    {
        double m = Math.Max(Math.Max(Math.Abs(x), Math.Abs(y)), Math.Abs(scale));
        return double.IsFinite(m) && Math.Abs(x - y) <= 16 * (Math.BitIncrement(m) - m);
    }

    /// <summary>
    /// The torque an impedance drive produces: kp·e + kd·ė + τ_ff. A zero gain contributes nothing whatever its error (a
    /// drive multiplies its own reading by 0), so an unmeasured error is harmless once its gain is 0.
    /// </summary>
    public static double ImpedanceEffort(double kp, double kd, double positionError, double velocityError, double feedForward) =>
        (kp == 0 ? 0 : kp * positionError) + (kd == 0 ? 0 : kd * velocityError) + feedForward;

    /// <summary>
    /// Scales <paramref name="kp"/> and <paramref name="kd"/> (both ≥ 0) by one factor in [0, 1] so that
    /// |<see cref="ImpedanceEffort"/>| ≤ <paramref name="effortMax"/>, given |<paramref name="feedForward"/>| ≤ effortMax: the
    /// largest such factor, up to rounding (then a few slightly smaller ones are tried, then none). A gain whose error is
    /// not finite is set to 0 first. Returns true when a gain changed. Never throws.
    /// </summary>
    public static bool BoundImpedanceGains(ref double kp, ref double kd, double positionError, double velocityError, double feedForward, double effortMax)
    {
        bool changed = false;
        if (kp != 0 && !double.IsFinite(positionError)) (kp, changed) = (0, true);
        if (kd != 0 && !double.IsFinite(velocityError)) (kd, changed) = (0, true);
        double total = ImpedanceEffort(kp, kd, positionError, velocityError, feedForward);
        if (Math.Abs(total) <= effortMax) return changed;
        double feedback = ImpedanceEffort(kp, kd, positionError, velocityError, 0);
        // The room the feed-forward leaves on the side the spring and damper push to; NaN or infinite feedback gets none.
        double room = feedback > 0 ? effortMax - feedForward : -effortMax - feedForward;
        double factor = double.IsFinite(feedback) && feedback != 0 ? Clamp(room / feedback, 0, 1) : 0;
        double kp0 = kp, kd0 = kd;
        // Scaling the gains rounds differently from scaling their sum: shave a little more until the prediction fits.
        // (No collection expression for the shaves: a span of doubles from one allocates an array per call.)
        for (int attempt = 0; attempt < 5; attempt++)
        {
            double shave = attempt == 0 ? 0 : 1e-12 * Math.Pow(1000, attempt - 1);   // 0, 1e-12, 1e-9, 1e-6, 1e-3
            kp = kp0 * (factor * (1 - shave));
            kd = kd0 * (factor * (1 - shave));
            if (Math.Abs(ImpedanceEffort(kp, kd, positionError, velocityError, feedForward)) <= effortMax) return true;
        }
        kp = 0;
        kd = 0;
        return true;
    }

    /// <summary>The next position when decelerating from step <paramref name="s"/> to rest by at most <paramref name="a"/> per cycle.</summary>
    public static double Decelerate(double p, double s, double a, double softMin, double softMax)
    {
        double step = Math.CopySign(Math.Max(Math.Abs(s) - a, 0), s);
        return Clamp(p + step, Math.Min(p, softMin), Math.Max(p, softMax));
    }

    /// <summary>Caps a step (or velocity) toward a soft limit at the most that can still stop there.</summary>
    public static double BrakeBeforeLimits(double p, double step, double a, double softMin, double softMax)
    {
        if (step > 0) return Math.Min(step, StoppingStep(a, Math.Max(softMax - p, 0)));
        if (step < 0) return Math.Max(step, -StoppingStep(a, Math.Max(p - softMin, 0)));
        return step;
    }

    /// <summary>
    /// A step v from which steps shrinking by <paramref name="a"/> per cycle (v, v − a, ..., last positive) cover
    /// at most <paramref name="distance"/>: whole multiples of a cover v²/(2a) + v/2, other values up to a/8
    /// more, so v = (√(8ad) − a)/2; and a single step of d ≤ a followed by a stop is always possible.
    /// </summary>
    public static double StoppingStep(double a, double distance) =>
        Math.Max(Math.Min(distance, a), (Math.Sqrt(8 * a * distance) - a) / 2);

    /// <summary>
    /// A velocity command limited to ±<paramref name="vLim"/>, braked before the soft limits from the measured
    /// position <paramref name="pm"/> (in steps of <paramref name="period"/>) and changed from <paramref name="previous"/> by at most <paramref name="dv"/>.
    /// </summary>
    public static double LimitVelocity(double v, double previous, double pm, double vLim, double dv, double period, double softMin, double softMax)
    {
        v = Clamp(v, -vLim, vLim);
        v = double.IsFinite(pm) ? BrakeBeforeLimits(pm, v * period, dv * period, softMin, softMax) / period : 0;
        v = Clamp(v, previous - dv, previous + dv);
        double bound = Math.Max(vLim, Math.Abs(previous) - dv);
        return Clamp(v, -bound, bound);
    }
}
