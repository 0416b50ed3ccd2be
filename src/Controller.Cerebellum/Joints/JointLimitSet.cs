using Controller.Pipeline.Messages;

namespace Controller.Cerebellum.Joints;

/// <summary>
/// The limits of every joint the loop commands, in the order of <see cref="JointState"/> and
/// <see cref="JointCommand"/> arrays. Immutable (the robot model's part); built before the loop starts.
/// </summary>
public sealed class JointLimitSet
{
    private readonly JointLimits[] _limits;

    /// <summary>Creates the set; the order is the joint order of every message.</summary>
    /// <exception cref="ArgumentOutOfRangeException">When there are no joints or more than <see cref="MessageLimits.MaxJoints"/>.</exception>
    /// <exception cref="ArgumentException">When two joints share a name.</exception>
    public JointLimitSet(IEnumerable<JointLimits> limits)
    {
        _limits = limits.ToArray();
        if (_limits.Length == 0 || _limits.Length > MessageLimits.MaxJoints)
            throw new ArgumentOutOfRangeException(nameof(limits), _limits.Length, $"a robot has between 1 and {MessageLimits.MaxJoints} joints; this one has {_limits.Length}.");
        var duplicate = _limits.GroupBy(l => l.Joint).FirstOrDefault(g => g.Count() > 1);
        if (duplicate != null) throw new ArgumentException($"joint '{duplicate.Key}' appears {duplicate.Count()} times.", nameof(limits));
    }

    /// <summary>Number of joints.</summary>
    public int Count => _limits.Length;

    /// <summary>Limits of joint <paramref name="index"/>.</summary>
    public ref readonly JointLimits this[int index] => ref _limits[index];

    /// <summary>Every joint's limits, in order.</summary>
    public ReadOnlySpan<JointLimits> All => _limits;
}
