using System.Runtime.CompilerServices;

namespace Controller.Pipeline.Messages;

/// <summary>One value per joint, stored inline (<see cref="MessageLimits.MaxJoints"/> doubles). Index it like an array.</summary>
[InlineArray(MessageLimits.MaxJoints)]
public struct JointValues
{
    private double _element0;
}
