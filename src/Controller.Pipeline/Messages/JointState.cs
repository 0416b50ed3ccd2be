namespace Controller.Pipeline.Messages;

/// <summary>
/// Measured state of up to <see cref="MessageLimits.MaxJoints"/> joints, in the robot model's joint order.
/// Units are SI per joint type: rad, rad/s and N·m for revolute joints; m, m/s and N for prismatic ones.
/// </summary>
public struct JointState
{
    /// <summary>Sequence and sample time.</summary>
    public MessageHeader Header;

    /// <summary>How many entries of each array are meaningful.</summary>
    public int JointCount;

    /// <summary>Bit i set when joint i's values are fresh this cycle (a stale joint keeps its last values).</summary>
    public ulong FreshMask;

    /// <summary>Joint positions (rad or m).</summary>
    public JointValues Position;

    /// <summary>Joint velocities (rad/s or m/s).</summary>
    public JointValues Velocity;

    /// <summary>Joint efforts (N·m or N).</summary>
    public JointValues Effort;
}
