using Controller.Pipeline.Messages;

namespace Controller.Cerebellum.Safety;

/// <summary>
/// Extension point for model-based collision detection (a momentum observer comparing measured and
/// expected joint torques). It needs the robot model (issue #4) and is not implemented yet; the supervisor
/// accepts <c>null</c>. Implementations run on the loop thread every cycle and must not allocate, lock or throw.
/// </summary>
public interface ICollisionResidual
{
    /// <summary>True when the external-torque residual exceeds its threshold this cycle.</summary>
    /// <param name="measured">This cycle's measured joint state.</param>
    /// <param name="command">The command as the controllers produced it, before the supervisor changes it.</param>
    bool Exceeded(in JointState measured, in JointCommand command);
}
