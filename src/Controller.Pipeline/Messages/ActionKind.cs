namespace Controller.Pipeline.Messages;

/// <summary>What the values of an <see cref="ActionChunk"/> mean.</summary>
public enum ActionKind : int
{
    /// <summary>Absolute joint positions (rad or m), one row per step.</summary>
    AbsoluteJointPosition = 0,

    /// <summary>Joint position offsets from the state the chunk was computed from.</summary>
    DeltaJointPosition = 1,

    /// <summary>End-effector poses: x, y, z (m) and a rotation vector (rad), plus gripper values if any.</summary>
    EndEffectorPose = 2,
}
