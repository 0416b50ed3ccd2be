using Controller.Robotics.Model;
using Controller.Robotics.Spatial;

namespace Controller.Robotics.Kinematics;

/// <summary>
/// Damped-least-squares inverse kinematics of one frame, with joint limits and a null-space task towards a rest
/// posture: Δq = Jᵀ(JJᵀ + λ²I)⁻¹e + (I − J⁺J)·k(q_rest − q), clamped per step and to the joint limits. All memory
/// is allocated in the constructor; <see cref="Solve"/> allocates nothing, so a planner skill can call it per cycle.
/// </summary>
public sealed class InverseKinematics
{
    private const double DampingFadeErrorM = 0.01;

    private readonly RobotModel _model;
    private readonly RobotData _data;
    private readonly int _frame;
    private readonly IkOptions _options;
    private readonly double[] _jacobian;
    private readonly double[] _normal = new double[36];
    private readonly double[] _error = new double[6];
    private readonly double[] _y = new double[6];
    private readonly double[] _step;
    private readonly double[] _nullStep;
    private readonly bool[] _locked;
    private readonly double[] _lower;
    private readonly double[] _upper;

    /// <summary>Prepares a solver for frame <paramref name="frame"/> of <paramref name="model"/>.</summary>
    public InverseKinematics(RobotModel model, int frame, IkOptions? options = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(frame);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(frame, model.Frames.Count);
        _model = model;
        _data = new RobotData(model);
        _frame = frame;
        _options = options ?? new IkOptions();
        _jacobian = new double[6 * model.DofCount];
        _step = new double[model.DofCount];
        _nullStep = new double[model.DofCount];
        _locked = new bool[model.DofCount];
        _lower = new double[model.DofCount];
        _upper = new double[model.DofCount];
        for (int j = 0; j < model.DofCount; j++)
        {
            _lower[j] = Math.Max(model.Joints[j].LowerLimit, _options.LowerLimits?[j] ?? double.NegativeInfinity);
            _upper[j] = Math.Min(model.Joints[j].UpperLimit, _options.UpperLimits?[j] ?? double.PositiveInfinity);
            if (!(_lower[j] <= _upper[j]))
            {
                throw new ArgumentException($"IK limits of joint '{model.Joints[j].Name}' are empty: [{_lower[j]}, {_upper[j]}]", nameof(options));
            }
        }
    }

    /// <summary>
    /// Moves <paramref name="q"/> (holding the seed on entry) towards a configuration that puts the frame at
    /// <paramref name="target"/> (a pose in the root frame). Joints that do not move the frame are left alone
    /// (except by the null-space task). <paramref name="restPosture"/>, when not empty, is pulled towards in the
    /// Jacobian's null space, so a redundant arm stays near it without disturbing the frame.
    /// </summary>
    public IkResult Solve(in Transform3 target, Span<double> q, ReadOnlySpan<double> restPosture = default)
    {
        _model.RequireDofLength(q.Length, nameof(q));
        if (!restPosture.IsEmpty)
        {
            _model.RequireDofLength(restPosture.Length, nameof(restPosture));
        }

        int n = _model.DofCount;
        double w = _options.OrientationWeight;
        double positionError = double.PositiveInfinity, orientationError = double.PositiveInfinity;
        for (int iteration = 0; iteration <= _options.MaxIterations; iteration++)
        {
            ForwardKinematics.Compute(_data, q);
            Transform3 pose = _data.FramePose(_frame);
            Vec3 dp = target.Translation - pose.Translation;
            Vec3 dr = RotationLog.Of(target.Rotation * pose.Rotation.Transpose());
            positionError = dp.Norm;
            orientationError = dr.Norm;
            if (positionError < _options.PositionToleranceM && (w == 0 || orientationError < _options.OrientationToleranceRad))
            {
                return new IkResult(true, iteration, positionError, orientationError);
            }

            if (iteration == _options.MaxIterations)
            {
                break;
            }

            _error[0] = dp.X; _error[1] = dp.Y; _error[2] = dp.Z;
            _error[3] = w * dr.X; _error[4] = w * dr.Y; _error[5] = w * dr.Z;
            FrameJacobian.Compute(_data, _frame, _jacobian);
            Array.Clear(_locked);
            for (int k = 3 * n; k < 6 * n; k++)
            {
                _jacobian[k] *= w;
            }

            double squaredError = positionError * positionError + w * w * orientationError * orientationError;
            ComputeStep(q, restPosture, n, squaredError);

            // A joint held at a limit by the step it wants takes no part: lock it (zero its column) and solve again,
            // so the others do the work instead of the solver stalling against the stop.
            if (LockJointsPushingPastLimits(q, n))
            {
                ComputeStep(q, restPosture, n, squaredError);
            }

            double largest = 0;
            for (int j = 0; j < n; j++)
            {
                largest = Math.Max(largest, Math.Abs(_step[j]));
            }

            double scale = largest > _options.MaxStep ? _options.MaxStep / largest : 1;
            for (int j = 0; j < n; j++)
            {
                ModelJoint joint = _model.Joints[j];
                q[j] = Math.Clamp(q[j] + scale * _step[j], _lower[j], _upper[j]);
            }
        }

        return new IkResult(false, _options.MaxIterations, positionError, orientationError);
    }

    private void ComputeStep(ReadOnlySpan<double> q, ReadOnlySpan<double> restPosture, int n, double squaredError)
    {
        // Δq = Jᵀ(JJᵀ + λ²I)⁻¹e (+ the null-space pull)
        FactorNormalMatrix(n, squaredError);
        SolveNormal(_error, _y);
        MultiplyJacobianTransposed(_y, _step, n);
        if (!restPosture.IsEmpty)
        {
            AddNullSpaceStep(q, restPosture, n);
        }
    }

    private bool LockJointsPushingPastLimits(ReadOnlySpan<double> q, int n)
    {
        bool any = false;
        for (int j = 0; j < n; j++)
        {
            ModelJoint joint = _model.Joints[j];
            bool pushing = (q[j] <= _lower[j] && _step[j] < 0) || (q[j] >= _upper[j] && _step[j] > 0);
            _locked[j] = pushing;
            if (pushing)
            {
                any = true;
                for (int r = 0; r < 6; r++)
                {
                    _jacobian[r * n + j] = 0;
                }
            }
        }

        return any;
    }

    private void AddNullSpaceStep(ReadOnlySpan<double> q, ReadOnlySpan<double> rest, int n)
    {
        // z − Jᵀ(JJᵀ + λ²I)⁻¹Jz: the part of the posture pull that does not move the frame (to within the damping).
        Span<double> jz = stackalloc double[6];
        for (int j = 0; j < n; j++)
        {
            _nullStep[j] = _locked[j] ? 0 : _options.NullSpaceGain * (rest[j] - q[j]);
        }

        for (int r = 0; r < 6; r++)
        {
            double s = 0;
            for (int j = 0; j < n; j++)
            {
                s += _jacobian[r * n + j] * _nullStep[j];
            }

            jz[r] = s;
        }

        Span<double> y = stackalloc double[6];
        SolveNormal(jz, y);
        for (int j = 0; j < n; j++)
        {
            double back = 0;
            for (int r = 0; r < 6; r++)
            {
                back += _jacobian[r * n + j] * y[r];
            }

            _step[j] += _nullStep[j] - back;
        }
    }

    private void FactorNormalMatrix(int n, double squaredError)
    {
        // Damping fades as the error does (in the manner of Sugihara's Levenberg–Marquardt IK): full damping while
        // far, where singular directions would fling the arm, and almost none close in, where the fixed damping
        // would slow the last digits and bend the null-space projection.
        double fade = Math.Min(1, squaredError / (DampingFadeErrorM * DampingFadeErrorM));
        double lambda2 = _options.Damping * _options.Damping * fade + 1e-12;
        for (int r = 0; r < 6; r++)
        {
            for (int c = 0; c <= r; c++)
            {
                double s = r == c ? lambda2 : 0;
                for (int j = 0; j < n; j++)
                {
                    s += _jacobian[r * n + j] * _jacobian[c * n + j];
                }

                _normal[r * 6 + c] = s;
            }
        }

        // In-place Cholesky of the lower triangle; JJᵀ + λ²I is positive-definite for λ > 0.
        for (int j = 0; j < 6; j++)
        {
            double d = _normal[j * 6 + j];
            for (int k = 0; k < j; k++)
            {
                d -= _normal[j * 6 + k] * _normal[j * 6 + k];
            }

            _normal[j * 6 + j] = Math.Sqrt(Math.Max(d, double.Epsilon));
            for (int i = j + 1; i < 6; i++)
            {
                double s = _normal[i * 6 + j];
                for (int k = 0; k < j; k++)
                {
                    s -= _normal[i * 6 + k] * _normal[j * 6 + k];
                }

                _normal[i * 6 + j] = s / _normal[j * 6 + j];
            }
        }
    }

    private void SolveNormal(ReadOnlySpan<double> b, Span<double> x)
    {
        for (int i = 0; i < 6; i++)
        {
            double s = b[i];
            for (int k = 0; k < i; k++)
            {
                s -= _normal[i * 6 + k] * x[k];
            }

            x[i] = s / _normal[i * 6 + i];
        }

        for (int i = 5; i >= 0; i--)
        {
            double s = x[i];
            for (int k = i + 1; k < 6; k++)
            {
                s -= _normal[k * 6 + i] * x[k];
            }

            x[i] = s / _normal[i * 6 + i];
        }
    }

    private void MultiplyJacobianTransposed(ReadOnlySpan<double> y, Span<double> result, int n)
    {
        for (int j = 0; j < n; j++)
        {
            double s = 0;
            for (int r = 0; r < 6; r++)
            {
                s += _jacobian[r * n + j] * y[r];
            }

            result[j] = s;
        }
    }
}
