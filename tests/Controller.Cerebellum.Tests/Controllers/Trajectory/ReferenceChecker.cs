namespace Controller.Cerebellum.Tests.Controllers.Trajectory;

/// <summary>
/// Checks the follower's reference cycle by cycle: speed, acceleration and jerk within each joint's limits,
/// and position and velocity changing between consecutive cycles by no more than VelocityMax × period and
/// AccelerationMax × period. Records the first violation.
/// </summary>
internal sealed class ReferenceChecker
{
    private const double Relative = 1e-9;
    private const double Absolute = 1e-9;
    private readonly TrajectoryRig _rig;
    private readonly double[] _p, _v, _a;
    private bool _primed;

    public ReferenceChecker(TrajectoryRig rig)
    {
        _rig = rig;
        _p = new double[rig.Joints];
        _v = new double[rig.Joints];
        _a = new double[rig.Joints];
    }

    public string? Violation { get; private set; }

    public void Observe()
    {
        var follower = _rig.Follower;
        double dt = TrajectoryRig.PeriodS;
        for (int j = 0; j < _rig.Joints; j++)
        {
            ref readonly var limit = ref TrajectoryRig.Limits[j];
            double p = _rig.Command.Position[j], v = _rig.Command.Velocity[j], a = follower.Acceleration[j];
            Check(Math.Abs(v) <= Bound(limit.VelocityMax), j, "speed", Math.Abs(v), limit.VelocityMax);
            Check(Math.Abs(a) <= Bound(limit.AccelerationMax), j, "acceleration", Math.Abs(a), limit.AccelerationMax);
            if (_primed)
            {
                Check(Math.Abs(a - _a[j]) / dt <= Bound(limit.JerkMax) + 1e-6, j, "jerk", Math.Abs(a - _a[j]) / dt, limit.JerkMax);
                Check(Math.Abs(p - _p[j]) <= Bound(limit.VelocityMax * dt), j, "position step", Math.Abs(p - _p[j]), limit.VelocityMax * dt);
                Check(Math.Abs(v - _v[j]) <= Bound(limit.AccelerationMax * dt), j, "velocity step", Math.Abs(v - _v[j]), limit.AccelerationMax * dt);
            }
            _p[j] = p;
            _v[j] = v;
            _a[j] = a;
        }
        _primed = true;
    }

    private static double Bound(double limit) => limit * (1 + Relative) + Absolute;

    private void Check(bool ok, int joint, string what, double value, double limit)
    {
        if (!ok && Violation == null) Violation = $"cycle {_rig.Cycle}, joint {joint}: {what} {value} > {limit}";
    }
}
