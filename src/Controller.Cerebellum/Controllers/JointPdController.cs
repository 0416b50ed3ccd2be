using Controller.Cerebellum.Loop;
using Controller.Pipeline.Messages;

namespace Controller.Cerebellum.Controllers;

/// <summary>
/// Joint-space PD with feed-forward: effort = Kp·(q* − q) + Kd·(q̇* − q̇) + τff for every joint, written as
/// an <see cref="ControlMode.Effort"/> command for torque-controlled actuators. The reference (q*, q̇*, τff)
/// comes from the controller before it in the chain via <see cref="Reference"/>; with nothing before it, it
/// holds. Activation copies the measured positions into the reference with zero velocity and zero
/// feed-forward, so the first effort only damps the motion there is: no jump (bumpless).
/// </summary>
public sealed class JointPdController : ICycleController
{
    private readonly JointPdGains[] _gains;
    private JointCommand _reference;

    /// <summary>Creates a PD controller for <c>gains.Count</c> joints.</summary>
    /// <exception cref="ArgumentOutOfRangeException">When the joint count is outside 1..<see cref="MessageLimits.MaxJoints"/>.</exception>
    public JointPdController(IReadOnlyList<JointPdGains> gains, string name = "joint-pd")
    {
        ArgumentNullException.ThrowIfNull(gains);
        if (gains.Count < 1 || gains.Count > MessageLimits.MaxJoints)
            throw new ArgumentOutOfRangeException(nameof(gains), gains.Count, $"a PD controller drives between 1 and {MessageLimits.MaxJoints} joints; {gains.Count} gains were given.");
        _gains = gains.ToArray();
        Name = name;
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <summary>Joints controlled.</summary>
    public int JointCount => _gains.Length;

    /// <summary>
    /// The reference the next <see cref="Update"/> tracks: Position = q*, Velocity = q̇*, Effort = τff.
    /// An upstream controller (a trajectory follower) writes it each cycle on the loop thread.
    /// </summary>
    public ref JointCommand Reference => ref _reference;

    /// <inheritdoc />
    public void Activate(in CycleTime time, in JointState measured)
    {
        _reference.JointCount = _gains.Length;
        _reference.Mode = ControlMode.Position;
        for (int i = 0; i < _gains.Length; i++)
        {
            _reference.Position[i] = measured.Position[i];
            _reference.Velocity[i] = 0;
            _reference.Effort[i] = 0;
        }
    }

    /// <inheritdoc />
    public void Update(in CycleTime time, in JointState measured, ref JointCommand command)
    {
        command.Header = new MessageHeader(time.Cycle, time.NowNs);
        command.JointCount = _gains.Length;
        command.Mode = ControlMode.Effort;
        for (int i = 0; i < _gains.Length; i++)
        {
            double positionError = _reference.Position[i] - measured.Position[i];
            double velocityError = _reference.Velocity[i] - measured.Velocity[i];
            command.Position[i] = _reference.Position[i];
            command.Velocity[i] = _reference.Velocity[i];
            command.Effort[i] = _gains[i].Stiffness * positionError + _gains[i].Damping * velocityError + _reference.Effort[i];
        }
    }
}
