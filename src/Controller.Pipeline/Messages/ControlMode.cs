namespace Controller.Pipeline.Messages;

/// <summary>How a <see cref="JointCommand"/>'s arrays are to be used.</summary>
public enum ControlMode : int
{
    /// <summary>Hold the current position; the arrays are ignored. The safe default of a zeroed command.</summary>
    Hold = 0,

    /// <summary>Track <see cref="JointCommand.Position"/>, with velocity and effort as feed-forward.</summary>
    Position = 1,

    /// <summary>Track <see cref="JointCommand.Velocity"/>, with effort as feed-forward.</summary>
    Velocity = 2,

    /// <summary>Apply <see cref="JointCommand.Effort"/> directly.</summary>
    Effort = 3,

    /// <summary>MIT-style impedance: effort = Kp·(q* − q) + Kd·(q̇* − q̇) + τff, per joint.</summary>
    Impedance = 4,
}
