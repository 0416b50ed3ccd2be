using Controller.Cerebellum.Joints;
using Controller.Cerebellum.Loop;
using Controller.Pipeline.Messages;

namespace Controller.Cerebellum.Controllers.Trajectory;

/// <summary>
/// Turns a policy's action chunks (15–50 Hz, up to <see cref="MessageLimits.MaxChunkSteps"/> rows) into a
/// smooth per-cycle joint reference for a 250 Hz–4 kHz loop. Each accepted chunk becomes a clamped cubic
/// spline (C2) that starts where the previous path is now (position, and velocity clipped to VelocityMax)
/// and passes through the chunk's future rows, ending at rest on the last one; a jerk-limited tracker per
/// joint follows that spline within
/// each joint's VelocityMax, AccelerationMax and JerkMax. The reference it writes (position, velocity, and
/// acceleration in <see cref="Acceleration"/>) has continuous position, velocity and acceleration at every
/// cycle, across chunk switches included. See the folder's README for the method, the lag and the limits.
/// </summary>
/// <remarks>
/// Use from the loop thread only. <see cref="Accept"/>, <see cref="Update"/> and <see cref="Reset"/> neither
/// allocate nor throw: everything is preallocated for <see cref="MessageLimits.MaxChunkSteps"/> rows ×
/// <see cref="MessageLimits.MaxJoints"/> joints at construction.
/// </remarks>
public sealed class ChunkTrajectoryFollower
{
    private const long MaxStepPeriodNs = 10_000_000_000;
    private const int MaxIntegrationPeriods = 10;
    private const double MaxStartOffsetNs = 60e9;

    private readonly JointLimitSet _limits;
    private readonly int _joints;
    private ClampedCubicSpline _spline;
    private readonly double[] _position, _velocity, _acceleration;
    private readonly double[] _targetP, _targetV, _targetA;
    private readonly double[] _kp, _kv;
    private long _gainPeriodNs;
    private bool _started, _hasPath, _hasStateTime;
    private long _stateTimeNs, _epochNs;

    /// <summary>Creates a follower for the joints of <paramref name="limits"/>, in their order.</summary>
    public ChunkTrajectoryFollower(JointLimitSet limits)
    {
        _limits = limits ?? throw new ArgumentNullException(nameof(limits));
        _joints = limits.Count;
        _spline = new ClampedCubicSpline(_joints);
        _position = new double[_joints];
        _velocity = new double[_joints];
        _acceleration = new double[_joints];
        _targetP = new double[_joints];
        _targetV = new double[_joints];
        _targetA = new double[_joints];
        _kp = new double[_joints];
        _kv = new double[_joints];
    }

    /// <summary>Joints followed (the chunk dimension it accepts).</summary>
    public int JointCount => _joints;

    /// <summary>True once <see cref="Reset"/> has succeeded.</summary>
    public bool IsStarted => _started;

    /// <summary>True in a cycle past the last row of the last accepted chunk (the reference holds there).</summary>
    public bool IsStarved { get; private set; }

    /// <summary>Cycles run past the last row of the last accepted chunk (the brain was late or stopped).</summary>
    public long StarvedCycles { get; private set; }

    /// <summary>Chunks accepted.</summary>
    public long AcceptedChunks { get; private set; }

    /// <summary>Chunks rejected (see <see cref="LastRejection"/>).</summary>
    public long RejectedChunks { get; private set; }

    /// <summary>Why the most recent rejected chunk was refused (<see cref="ChunkRejection.None"/> if none was).</summary>
    public ChunkRejection LastRejection { get; private set; }

    /// <summary>Monotonic time (ns) of the last row of the current chunk; <see cref="long.MinValue"/> without one.</summary>
    public long ChunkEndTimeNs { get; private set; } = long.MinValue;

    /// <summary>Reference position per joint after the last <see cref="Update"/>.</summary>
    public ReadOnlySpan<double> Position => _position;

    /// <summary>Reference velocity per joint after the last <see cref="Update"/>.</summary>
    public ReadOnlySpan<double> Velocity => _velocity;

    /// <summary>Reference acceleration per joint after the last <see cref="Update"/> (for acceleration or inverse-dynamics feed-forward).</summary>
    public ReadOnlySpan<double> Acceleration => _acceleration;

    /// <summary>
    /// Starts (or restarts) bumplessly from the measured positions with zero velocity and acceleration,
    /// holding there until a chunk arrives; any current chunk is dropped. Returns false, changing nothing,
    /// when <paramref name="measured"/> carries fewer joints than the follower or a non-finite position.
    /// </summary>
    public bool Reset(in JointState measured)
    {
        if (measured.JointCount < _joints) return false;
        for (int j = 0; j < _joints; j++)
            if (!double.IsFinite(measured.Position[j])) return false;
        for (int j = 0; j < _joints; j++)
        {
            _position[j] = measured.Position[j];
            _velocity[j] = 0;
            _acceleration[j] = 0;
        }
        _started = true;
        Generation++;
        _hasPath = false;
        _hasStateTime = false;
        IsStarved = false;
        ChunkEndTimeNs = long.MinValue;
        return true;
    }

    /// <summary>
    /// Replaces whatever remains of the current chunk with <paramref name="chunk"/> from now on. The new path
    /// starts where the previous path is at the last cycle (its position, and its velocity clipped to the
    /// limit; before the first chunk, the reference itself) and passes through the rows
    /// due later than half a step period after now (earlier rows are skipped; a chunk wholly in the past
    /// leads to its last row one step period from now). <see cref="ActionKind.DeltaJointPosition"/> rows are
    /// offsets from the reference position at acceptance. Positions are clamped to the soft limits. The
    /// reference itself never jumps: the tracker carries its position, velocity and acceleration over.
    /// Returns <see cref="ChunkRejection.None"/> when accepted; otherwise the reason, counted in
    /// <see cref="RejectedChunks"/>, with the reference untouched.
    /// </summary>
    public ChunkRejection Accept(in ActionChunk chunk, long nowNs)
    {
        ChunkRejection reason = Check(in chunk, nowNs);
        if (reason != ChunkRejection.None) return reason;
        long epoch = CaptureStart(nowNs, _targetP, _targetV, out _);
        long end = FitSegment(_spline, _limits, in chunk, epoch, nowNs, _targetP, _targetV, _position);
        _epochNs = epoch;
        _hasPath = true;
        ChunkEndTimeNs = end;
        AcceptedChunks++;
        return ChunkRejection.None;
    }

    /// <summary>Restarts counted by <see cref="Reset"/>; a segment prepared before a restart is stale.</summary>
    internal long Generation { get; private set; }

    /// <summary>Validates <paramref name="chunk"/>, counting a rejection as <see cref="Accept"/> does.</summary>
    internal ChunkRejection Check(in ActionChunk chunk, long nowNs)
    {
        ChunkRejection reason = Validate(in chunk, nowNs);
        if (reason != ChunkRejection.None)
        {
            RejectedChunks++;
            LastRejection = reason;
        }
        return reason;
    }

    /// <summary>
    /// Where a new path starts: the previous path (or, before the first chunk, the reference) at the epoch, the last
    /// cycle's time (or now, before any). The velocity is clipped to the limits. Returns the epoch.
    /// </summary>
    internal long CaptureStart(long nowNs, Span<double> startP, Span<double> startV, out bool fromPath)
    {
        long epoch = _hasStateTime ? _stateTimeNs : nowNs;
        fromPath = _hasPath;
        // The new path starts where the old one is now (its target, not the tracker's state, so tracking
        // errors are not fed back into planning), or at the reference before the first chunk.
        if (_hasPath) _spline.Evaluate((epoch - _epochNs) * 1e-9, startP, startV, _targetA);
        else
        {
            _position.AsSpan().CopyTo(startP);
            _velocity.AsSpan().CopyTo(startV);
        }
        for (int j = 0; j < _joints; j++)
            startV[j] = Math.Clamp(startV[j], -_limits[j].VelocityMax, _limits[j].VelocityMax);
        return epoch;
    }

    /// <summary>The reference position now (the base of <see cref="ActionKind.DeltaJointPosition"/> rows).</summary>
    internal ReadOnlySpan<double> ReferencePosition => _position;

    /// <summary>Makes a segment fitted elsewhere the current path; returns the spline it replaces.</summary>
    internal ClampedCubicSpline Adopt(ClampedCubicSpline spline, long epochNs, long endNs)
    {
        var old = _spline;
        _spline = spline;
        _epochNs = epochNs;
        _hasPath = true;
        ChunkEndTimeNs = endNs;
        AcceptedChunks++;
        return old;
    }

    /// <summary>
    /// Fits <paramref name="spline"/> through a start knot at the epoch (<paramref name="startP"/>, <paramref name="startV"/>)
    /// and the chunk's rows due later than half a step period after now; returns the time of the last knot (ns).
    /// Pure: any thread, on its own spline. No allocation.
    /// </summary>
    internal static long FitSegment(ClampedCubicSpline spline, JointLimitSet limits, in ActionChunk chunk, long epoch, long nowNs,
        ReadOnlySpan<double> startP, ReadOnlySpan<double> startV, ReadOnlySpan<double> deltaBase)
    {
        int joints = limits.Count;
        double threshold = (Math.Max(nowNs, epoch) - epoch) * 1e-9 + 0.5 * chunk.StepPeriodNs * 1e-9;
        double period = chunk.StepPeriodNs * 1e-9;
        double firstRow = ((double)chunk.StartTimeNs - epoch) * 1e-9;
        bool delta = chunk.Kind == ActionKind.DeltaJointPosition;
        ReadOnlySpan<float> values = chunk.Values;

        Span<double> times = spline.Times;
        times[0] = 0;
        startP[..joints].CopyTo(spline.KnotValues(0));
        int knots = 1;
        int steps = chunk.Steps, dimension = chunk.Dimension;
        for (int s = 0; s < steps; s++)
        {
            double t = firstRow + s * period;
            bool last = s == steps - 1;
            if (t <= threshold)
            {
                if (!last || knots > 1) continue;
                t = threshold + 0.5 * period;   // a chunk wholly in the past: go to its last row
            }
            times[knots] = t;
            Span<double> row = spline.KnotValues(knots);
            ReadOnlySpan<float> source = values.Slice(s * dimension, dimension);
            for (int j = 0; j < joints; j++)
            {
                ref readonly JointLimits limit = ref limits[j];
                double target = delta ? deltaBase[j] + source[j] : source[j];
                row[j] = Math.Clamp(target, limit.SoftPositionMin, limit.SoftPositionMax);
            }
            knots++;
        }
        spline.Fit(knots, startV);
        return epoch + (long)(times[knots - 1] * 1e9);
    }

    /// <summary>
    /// Advances the reference to <see cref="CycleTime.NowNs"/> and writes it into <paramref name="command"/>:
    /// <see cref="ControlMode.Position"/> with Position and Velocity (Effort 0) for <see cref="JointCount"/>
    /// joints. Before <see cref="Reset"/> it writes <see cref="ControlMode.Hold"/>.
    /// </summary>
    public void Update(in CycleTime time, ref JointCommand command)
    {
        command.JointCount = _joints;
        if (!_started)
        {
            command.Mode = ControlMode.Hold;
            return;
        }
        if (time.NominalPeriodNs != _gainPeriodNs && time.NominalPeriodNs > 0) SetGains(time.NominalPeriodNs);

        // Sampled on the loop's schedule (the cycle's deadline), not its jittery wake-up: one nominal period apart, so
        // the per-cycle steps are as smooth as the path and the supervisor's per-period velocity and acceleration bounds
        // see the path's own motion. On the wake-up time, a 0.3 ms late wake at 1 rad/s made a step change 40× the
        // supervisor's acceleration bound: a JointLimit on most cycles of the sim-arm6 demo (Safety/README).
        long sampleNs = time.DeadlineNs;
        long elapsedNs = _hasStateTime ? sampleNs - _stateTimeNs : time.NominalPeriodNs;
        elapsedNs = Math.Min(elapsedNs, MaxIntegrationPeriods * Math.Max(time.NominalPeriodNs, 1));
        if (elapsedNs > 0)
        {
            Target(sampleNs);
            double dt = elapsedNs * 1e-9;
            for (int j = 0; j < _joints; j++)
            {
                ref readonly JointLimits limit = ref _limits[j];
                JerkLimitedTracker.Step(ref _position[j], ref _velocity[j], ref _acceleration[j],
                    _targetP[j], _targetV[j], _targetA[j], limit.VelocityMax, limit.AccelerationMax, limit.JerkMax,
                    _kp[j], _kv[j], dt);
            }
        }
        _stateTimeNs = sampleNs;
        _hasStateTime = true;

        IsStarved = _hasPath && sampleNs > ChunkEndTimeNs;
        if (IsStarved) StarvedCycles++;

        command.Mode = ControlMode.Position;
        for (int j = 0; j < _joints; j++)
        {
            command.Position[j] = _position[j];
            command.Velocity[j] = _velocity[j];
            command.Effort[j] = 0;
        }
    }

    private ChunkRejection Validate(in ActionChunk chunk, long nowNs)
    {
        if (!_started) return ChunkRejection.NotStarted;
        if (chunk.Steps < 1 || chunk.Steps > MessageLimits.MaxChunkSteps) return ChunkRejection.BadStepCount;
        if (chunk.Dimension != _joints) return ChunkRejection.WrongDimension;
        if (chunk.Kind != ActionKind.AbsoluteJointPosition && chunk.Kind != ActionKind.DeltaJointPosition) return ChunkRejection.UnsupportedKind;
        if (chunk.StepPeriodNs <= 0 || chunk.StepPeriodNs > MaxStepPeriodNs) return ChunkRejection.BadStepPeriod;
        if (Math.Abs((double)chunk.StartTimeNs - nowNs) > MaxStartOffsetNs) return ChunkRejection.StartTimeOutOfRange;
        ReadOnlySpan<float> values = ((ReadOnlySpan<float>)chunk.Values).Slice(0, chunk.Steps * chunk.Dimension);
        foreach (float value in values)
            if (!float.IsFinite(value)) return ChunkRejection.NonFiniteValue;
        return ChunkRejection.None;
    }

    private void Target(long nowNs)
    {
        if (_hasPath)
        {
            _spline.Evaluate((nowNs - _epochNs) * 1e-9, _targetP, _targetV, _targetA);
            return;
        }
        // Before the first chunk: hold where the reference is.
        for (int j = 0; j < _joints; j++)
        {
            _targetP[j] = _position[j];
            _targetV[j] = 0;
            _targetA[j] = 0;
        }
    }

    private void SetGains(long nominalPeriodNs)
    {
        double dt = nominalPeriodNs * 1e-9;
        for (int j = 0; j < _joints; j++)
            (_kp[j], _kv[j]) = JerkLimitedTracker.Gains(_limits[j].AccelerationMax, _limits[j].JerkMax, dt);
        _gainPeriodNs = nominalPeriodNs;
    }
}
