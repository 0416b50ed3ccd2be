using Controller.Cerebellum.Loop;
using Controller.Pipeline.Messages;
using Controller.Robotics.Dynamics;
using Controller.Robotics.Model;

namespace Controller.Cerebellum.Controllers;

/// <summary>
/// Chains the robot model after another controller: the inner controller decides the motion, this adds the
/// torque the model says it takes (gravity compensation, or inverse-dynamics feed-forward) to the command's
/// effort. In effort mode that is the torque sent; in position or impedance mode drives that accept a torque
/// offset (CiA 402 0x60B2, MIT-mode τ_ff) use it as feed-forward. Allocation-free on the loop thread.
/// </summary>
public sealed class ModelFeedForwardController : ICycleController
{
    private readonly ICycleController _inner;
    private readonly FeedForwardMode _mode;
    private readonly RobotData _data;
    private readonly double[] _q, _qd, _qdd, _previousQd, _tau;
    private bool _hasPrevious;

    /// <summary>Wraps <paramref name="inner"/>; measured and commanded joint i is model joint i.</summary>
    public ModelFeedForwardController(ICycleController inner, RobotModel model, FeedForwardMode mode = FeedForwardMode.Gravity)
    {
        ArgumentNullException.ThrowIfNull(inner);
        if (model.DofCount > MessageLimits.MaxJoints)
        {
            throw new ArgumentException($"model '{model.Name}' has {model.DofCount} joints; a command carries at most {MessageLimits.MaxJoints}", nameof(model));
        }

        _inner = inner;
        _mode = mode;
        _data = new RobotData(model);
        int n = model.DofCount;
        _q = new double[n];
        _qd = new double[n];
        _qdd = new double[n];
        _previousQd = new double[n];
        _tau = new double[n];
        Name = $"{inner.Name}+{(mode == FeedForwardMode.Gravity ? "gravity" : "inverse-dynamics")}";
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <summary>The feed-forward torque added in the last cycle, per joint.</summary>
    public ReadOnlySpan<double> LastFeedForward => _tau;

    /// <inheritdoc />
    public void Activate(in CycleTime time, in JointState measured)
    {
        _inner.Activate(in time, in measured);
        _hasPrevious = false;
    }

    /// <inheritdoc />
    public void Update(in CycleTime time, in JointState measured, ref JointCommand command)
    {
        _inner.Update(in time, in measured, ref command);
        int n = _q.Length;
        if (command.Mode == ControlMode.Hold || command.JointCount != n)
        {
            _hasPrevious = false;
            return;
        }

        if (_mode == FeedForwardMode.Gravity)
        {
            ((ReadOnlySpan<double>)measured.Position)[..n].CopyTo(_q);
            InverseDynamics.Gravity(_data, _q, _tau);
        }
        else
        {
            ((ReadOnlySpan<double>)command.Position)[..n].CopyTo(_q);
            ((ReadOnlySpan<double>)command.Velocity)[..n].CopyTo(_qd);
            double dt = time.NominalPeriodS;
            for (int i = 0; i < n; i++)
            {
                _qdd[i] = _hasPrevious ? (_qd[i] - _previousQd[i]) / dt : 0;
            }

            _qd.CopyTo(_previousQd, 0);
            _hasPrevious = true;
            InverseDynamics.Compute(_data, _q, _qd, _qdd, _tau);
        }

        Span<double> effort = command.Effort;
        for (int i = 0; i < n; i++)
        {
            effort[i] += _tau[i];
        }
    }
}
