namespace Controller.Pipeline.Messages;

/// <summary>
/// Set-points for up to <see cref="MessageLimits.MaxJoints"/> joints, in the robot model's joint order.
/// A zeroed command is <see cref="ControlMode.Hold"/>, so an uninitialised message can never move the robot.
/// </summary>
public struct JointCommand
{
    /// <summary>Sequence and the time the command was computed.</summary>
    public MessageHeader Header;

    /// <summary>How many entries of each array are meaningful.</summary>
    public int JointCount;

    /// <summary>Which arrays are used and how.</summary>
    public ControlMode Mode;

    /// <summary>Target positions (rad or m).</summary>
    public JointValues Position;

    /// <summary>Target or feed-forward velocities (rad/s or m/s).</summary>
    public JointValues Velocity;

    /// <summary>Target or feed-forward efforts (N·m or N).</summary>
    public JointValues Effort;

    /// <summary>Impedance stiffness Kp (N·m/rad or N/m); used in <see cref="ControlMode.Impedance"/>.</summary>
    public JointValues Stiffness;

    /// <summary>Impedance damping Kd (N·m·s/rad or N·s/m); used in <see cref="ControlMode.Impedance"/>.</summary>
    public JointValues Damping;
}
