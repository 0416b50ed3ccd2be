using Controller.Pipeline.Messages;

namespace Controller.Cerebellum.Safety;

/// <summary>Shape and finiteness checks of a <see cref="JointCommand"/>; never allocate or throw.</summary>
internal static class CommandChecks
{
    /// <summary>True for a defined <see cref="ControlMode"/>.</summary>
    public static bool IsKnownMode(ControlMode mode) => (uint)mode <= (uint)ControlMode.Impedance;

    /// <summary>True when the command can be used for a robot of <paramref name="joints"/> joints (a Hold command always can).</summary>
    public static bool IsWellFormed(in JointCommand command, int joints) =>
        command.Mode == ControlMode.Hold || (IsKnownMode(command.Mode) && command.JointCount == joints);

    /// <summary>The first joint whose used values (for the command's mode) are not all finite, or -1.</summary>
    public static int FirstNonFinite(in JointCommand command, int joints, out double value)
    {
        ControlMode mode = command.Mode;
        bool position = mode is ControlMode.Position or ControlMode.Impedance;
        bool velocity = mode is ControlMode.Position or ControlMode.Velocity or ControlMode.Impedance;
        bool gains = mode == ControlMode.Impedance;
        for (int j = 0; j < joints; j++)
        {
            if (position && !double.IsFinite(value = command.Position[j])) return j;
            if (velocity && !double.IsFinite(value = command.Velocity[j])) return j;
            if (!double.IsFinite(value = command.Effort[j])) return j;
            if (gains && !double.IsFinite(value = command.Stiffness[j])) return j;
            if (gains && !double.IsFinite(value = command.Damping[j])) return j;
        }
        value = 0;
        return -1;
    }
}
