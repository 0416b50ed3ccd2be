using System.Runtime.CompilerServices;

namespace Controller.Cerebellum.Controllers.Trajectory;

/// <summary>
/// One joint's jerk-limited tracking filter: each cycle it picks a constant jerk for the coming period and
/// integrates position, velocity and acceleration exactly, so acceleration is continuous and piecewise
/// linear, velocity C1 and position C2. The jerk comes from a cascade with feed-forward:
/// <list type="number">
/// <item>desired velocity = target velocity + a position correction, linear (gain Kp) near the target and
/// <c>√(2·A/2·|e|)</c> far from it (the speed from which half the acceleration limit stops in time);</item>
/// <item>desired acceleration = target acceleration + a velocity correction, linear (gain Kv) near and
/// <c>√(2·J/2·|ev|)</c> far (the acceleration that half the jerk limit removes in time);</item>
/// <item>jerk = the one that reaches the desired acceleration this period, then clipped so that (a) the
/// speed limit can still be honoured: <c>v + a·|a|/(2J)</c> stays within ±VelocityMax after the step (the
/// velocity reached when the acceleration is ramped to zero at full jerk), (b) |a| ≤ AccelerationMax,
/// (c) |jerk| ≤ JerkMax.</item>
/// </list>
/// The limits hold by construction from any state that satisfies them (up to rounding).
/// </summary>
internal static class JerkLimitedTracker
{
    /// <summary>Velocity loop gain as a fraction of the sample rate (Kv·dt), for a well-damped discrete loop.</summary>
    public const double VelocityGainPerSample = 0.2;

    /// <summary>Position loop gain as a fraction of the velocity loop gain (critically damped cascade is 1/4).</summary>
    public const double PositionToVelocityGain = 0.2;

    /// <summary>
    /// Advances one joint by <paramref name="dt"/> seconds towards the target (<paramref name="targetP"/>,
    /// <paramref name="targetV"/>, <paramref name="targetA"/>) within the limits.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Step(ref double p, ref double v, ref double a, double targetP, double targetV, double targetA,
        double vMax, double aMax, double jMax, double kp, double kv, double dt)
    {
        // Errors against the state the step would reach without jerk, so the target and state are compared at the same time.
        double e = targetP - (p + v * dt + a * dt * dt * 0.5);
        double vDes = targetV + Shape(e, kp, 0.5 * aMax);
        vDes = Math.Clamp(vDes, -vMax, vMax);
        double ev = vDes - (v + a * dt);
        double aDes = Math.Clamp(targetA, -aMax, aMax) + Shape(ev, kv, 0.5 * jMax);
        aDes = Math.Clamp(aDes, -aMax, aMax);

        double j = (aDes - a) / dt;
        j = Math.Min(j, JerkCeilingForSpeed(v, a, vMax, jMax, dt));
        j = Math.Max(j, -JerkCeilingForSpeed(-v, -a, vMax, jMax, dt));
        j = Math.Min(j, (aMax - a) / dt);
        j = Math.Max(j, (-aMax - a) / dt);
        j = Math.Clamp(j, -jMax, jMax);

        double dt2 = dt * dt;
        p += v * dt + a * dt2 * 0.5 + j * dt2 * dt / 6;
        v += a * dt + j * dt2 * 0.5;
        a += j * dt;
    }

    /// <summary>
    /// Gains for a loop of nominal period <paramref name="dt"/>: Kv = min(0.2/dt, 4·J/A), Kp = Kv/5.
    /// </summary>
    public static (double Kp, double Kv) Gains(double aMax, double jMax, double dt)
    {
        double kv = Math.Min(VelocityGainPerSample / dt, 4 * jMax / aMax);
        return (PositionToVelocityGain * kv, kv);
    }

    /// <summary>Linear near zero, square root (constant-deceleration stopping law) far from it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static double Shape(double error, double gain, double rate)
    {
        double magnitude = Math.Abs(error);
        double correction = Math.Min(gain * magnitude, Math.Sqrt(2 * rate * magnitude));
        return error < 0 ? -correction : correction;
    }

    /// <summary>
    /// Largest jerk for this step that keeps the speed limit: if the acceleration stays non-negative, afterwards
    /// <c>v' + a'²/(2J) ≤ vMax</c> (the joint can still ramp its acceleration to zero at full jerk without
    /// exceeding the limit); if it turns negative within the step, the velocity peak inside the step,
    /// <c>v + a²/(2|j|)</c>, stays ≤ vMax. Either way the speed stays within the limit throughout the step.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static double JerkCeilingForSpeed(double v, double a, double vMax, double jMax, double dt)
    {
        // With x = a' = a + j·dt: v' = v + a·dt/2 + x·dt/2, so the bound is x²/(2J) + x·dt/2 + (v + a·dt/2 − vMax) ≤ 0.
        double room = vMax - v - a * dt * 0.5;
        if (room >= 0)
        {
            double x = jMax * (-dt * 0.5 + Math.Sqrt(dt * dt * 0.25 + 2 * room / jMax));
            return (x - a) / dt;
        }
        // Even a' = 0 overshoots: a' must turn negative within the step, early enough that the peak stays below vMax.
        if (a > 0) return vMax > v ? -a * a / (2 * (vMax - v)) : double.NegativeInfinity;
        return 2 * (vMax - v - a * dt) / (dt * dt);
    }
}
