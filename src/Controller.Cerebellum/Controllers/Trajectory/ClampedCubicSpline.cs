namespace Controller.Cerebellum.Controllers.Trajectory;

/// <summary>
/// A clamped cubic spline per joint through shared knot times, in preallocated storage: up to
/// <see cref="MaxKnots"/> knots × <see cref="Controller.Pipeline.Messages.MessageLimits.MaxJoints"/> joints.
/// C2 inside [t0, tn]: position, velocity and acceleration are continuous across knots. The first
/// derivative is prescribed at both ends (the start velocity per joint; 0 at the end); after the last
/// knot the spline holds the last value with zero velocity and acceleration. Fitting is one tridiagonal
/// (Thomas) solve per joint, O(knots); nothing here allocates after construction.
/// </summary>
internal sealed class ClampedCubicSpline
{
    /// <summary>Most knots: one start knot plus every row of the largest chunk.</summary>
    public const int MaxKnots = Controller.Pipeline.Messages.MessageLimits.MaxChunkSteps + 1;

    private readonly int _joints;
    private readonly double[] _times = new double[MaxKnots];
    private readonly double[] _values;        // knot-major: knot k, joint j at k * joints + j
    private readonly double[] _second;        // second derivatives at the knots, same layout
    private readonly double[] _scratchC = new double[MaxKnots];
    private readonly double[] _scratchD = new double[MaxKnots];
    private int _knots;

    /// <summary>Preallocates storage for <paramref name="joints"/> joints.</summary>
    public ClampedCubicSpline(int joints)
    {
        _joints = joints;
        _values = new double[MaxKnots * joints];
        _second = new double[MaxKnots * joints];
    }

    /// <summary>Knots in use (0 before the first fit).</summary>
    public int KnotCount => _knots;

    /// <summary>Time of the last knot (s, on the caller's time base).</summary>
    public double EndTime => _knots == 0 ? double.NegativeInfinity : _times[_knots - 1];

    /// <summary>Knot times (s), strictly increasing; fill <c>[0, count)</c> before <see cref="Fit"/>.</summary>
    public Span<double> Times => _times;

    /// <summary>Knot values of one knot, one per joint; fill before <see cref="Fit"/>.</summary>
    public Span<double> KnotValues(int knot) => _values.AsSpan(knot * _joints, _joints);

    /// <summary>
    /// Solves for the second derivatives of <paramref name="count"/> (≥ 2) knots whose times and values
    /// were written, with the first derivative at the start given per joint and zero at the end.
    /// </summary>
    public void Fit(int count, ReadOnlySpan<double> startVelocity)
    {
        _knots = count;
        int n = count - 1;
        for (int j = 0; j < _joints; j++)
        {
            // Tridiagonal system h[i-1] M[i-1] + 2 (h[i-1] + h[i]) M[i] + h[i] M[i+1] = rhs[i], clamped ends.
            double h0 = _times[1] - _times[0];
            double b = 2 * h0, c = h0;
            double d = 6 * ((Y(1, j) - Y(0, j)) / h0 - startVelocity[j]);
            _scratchC[0] = c / b;
            _scratchD[0] = d / b;
            for (int i = 1; i <= n; i++)
            {
                double hPrev = _times[i] - _times[i - 1];
                double slopePrev = (Y(i, j) - Y(i - 1, j)) / hPrev;
                double a = hPrev;
                if (i < n)
                {
                    double h = _times[i + 1] - _times[i];
                    b = 2 * (hPrev + h);
                    c = h;
                    d = 6 * ((Y(i + 1, j) - Y(i, j)) / h - slopePrev);
                }
                else
                {
                    b = 2 * hPrev;
                    c = 0;
                    d = 6 * (0 - slopePrev);
                }
                double m = b - a * _scratchC[i - 1];
                _scratchC[i] = c / m;
                _scratchD[i] = (d - a * _scratchD[i - 1]) / m;
            }
            _second[n * _joints + j] = _scratchD[n];
            for (int i = n - 1; i >= 0; i--)
                _second[i * _joints + j] = _scratchD[i] - _scratchC[i] * _second[(i + 1) * _joints + j];
        }
    }

    /// <summary>
    /// Position, velocity and acceleration of every joint at time <paramref name="t"/>: the spline inside
    /// [t0, tn], the last knot at rest after it, the first knot's value and start slope extrapolated before it.
    /// </summary>
    public void Evaluate(double t, Span<double> position, Span<double> velocity, Span<double> acceleration)
    {
        int n = _knots - 1;
        if (t >= _times[n])
        {
            for (int j = 0; j < _joints; j++)
            {
                position[j] = Y(n, j);
                velocity[j] = 0;
                acceleration[j] = 0;
            }
            return;
        }
        if (t < _times[0]) t = _times[0];
        int i = Segment(t);
        double h = _times[i + 1] - _times[i];
        double A = (_times[i + 1] - t) / h, B = 1 - A;
        for (int j = 0; j < _joints; j++)
        {
            double y0 = Y(i, j), y1 = Y(i + 1, j);
            double m0 = _second[i * _joints + j], m1 = _second[(i + 1) * _joints + j];
            position[j] = A * y0 + B * y1 + ((A * A * A - A) * m0 + (B * B * B - B) * m1) * h * h / 6;
            velocity[j] = (y1 - y0) / h + (-(3 * A * A - 1) * m0 + (3 * B * B - 1) * m1) * h / 6;
            acceleration[j] = A * m0 + B * m1;
        }
    }

    private int Segment(double t)
    {
        // Binary search for the segment i with t[i] <= t < t[i+1].
        int lo = 0, hi = _knots - 1;
        while (hi - lo > 1)
        {
            int mid = (lo + hi) >> 1;
            if (_times[mid] <= t) lo = mid; else hi = mid;
        }
        return lo;
    }

    private double Y(int knot, int joint) => _values[knot * _joints + joint];
}
