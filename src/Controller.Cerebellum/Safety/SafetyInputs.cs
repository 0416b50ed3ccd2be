using Controller.Pipeline.Messages;

namespace Controller.Cerebellum.Safety;

/// <summary>
/// What the supervisor needs each cycle besides the measured joint state and the command. Sensor freshness
/// comes from <see cref="JointState.FreshMask"/> of the measured state.
/// </summary>
public struct SafetyInputs
{
    /// <summary>True when the digital emergency-stop line is open (the stop is asserted).</summary>
    public bool EStopInputOpen;

    /// <summary>Monotonic time (ns) of the latest goal or action chunk from the brain.</summary>
    public long LastBrainMessageNs;

    /// <summary>True when <see cref="Wrench"/> holds a force/torque sample to check.</summary>
    public bool HasWrench;

    /// <summary>The latest force/torque sample; checked only when <see cref="HasWrench"/> is set.</summary>
    public Wrench Wrench;
}
