namespace Controller.Brain.Tasks;

/// <summary>The steps of <see cref="PickAndPlaceTask"/>, in the order they run.</summary>
public enum PickAndPlaceSkill
{
    /// <summary>Holding still; the planner runs at its rate until it says pick_and_place with a target.</summary>
    WaitForPlan,

    /// <summary>Tool tip above the target, gripper open.</summary>
    Approach,

    /// <summary>Tool tip down to grasp height, gripper open.</summary>
    Descend,

    /// <summary>Gripper closes; the arm holds (dwell).</summary>
    Close,

    /// <summary>Straight up with the cube.</summary>
    Lift,

    /// <summary>Above the bin centre.</summary>
    Transport,

    /// <summary>Gripper opens; the arm holds (dwell).</summary>
    Release,

    /// <summary>Back to the posture the task started in, gripper open.</summary>
    Home,

    /// <summary>Finished; holding home.</summary>
    Done,

    /// <summary>Stopped: see <see cref="PickAndPlaceTask.Failure"/>; holding where the arm was.</summary>
    Failed,
}
