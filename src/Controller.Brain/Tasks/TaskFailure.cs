namespace Controller.Brain.Tasks;

/// <summary>Why <see cref="PickAndPlaceTask"/> entered <see cref="PickAndPlaceSkill.Failed"/>.</summary>
public enum TaskFailure
{
    /// <summary>Not failed.</summary>
    None,

    /// <summary>Inverse kinematics found no joint configuration for a waypoint (out of reach or against the limits).</summary>
    Unreachable,

    /// <summary>A skill did not finish within <see cref="PickAndPlaceOptions.SkillTimeoutNs"/>.</summary>
    Timeout,
}
