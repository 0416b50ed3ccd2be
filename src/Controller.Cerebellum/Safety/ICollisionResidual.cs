using Controller.Cerebellum.Loop;
using Controller.Pipeline.Messages;

namespace Controller.Cerebellum.Safety;

/// <summary>
/// Model-based collision detection: compares the torques the joints feel with what the robot model expects
/// (<see cref="MomentumObserver"/>). The supervisor calls it every cycle, whatever else fired, so an observer's
/// integral never skips a cycle. Implementations run on the loop thread and must not allocate, lock or throw.
/// </summary>
public interface ICollisionResidual
{
    /// <summary>Updates the residual with this cycle and says whether it exceeds its threshold.</summary>
    /// <param name="time">This cycle's time (the measured period integrates the observer).</param>
    /// <param name="measured">This cycle's measured joint state (effort = the torque the joints apply).</param>
    /// <param name="command">The command as the controllers produced it, before the supervisor changes it.</param>
    /// <param name="value">The largest residual relative to its joint's threshold, in N·m (or N) of that joint.</param>
    /// <param name="limit">That joint's threshold.</param>
    bool Exceeded(in CycleTime time, in JointState measured, in JointCommand command, out double value, out double limit);
}
