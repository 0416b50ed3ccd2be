using Controller.Robotics.Kinematics;

namespace Controller.Brain.Tasks;

/// <summary>Settings of <see cref="PickAndPlaceTask"/>; defaults suit sim-arm6 and its 3 cm cubes.</summary>
public sealed record PickAndPlaceOptions
{
    /// <summary>The frame placed at the waypoints.</summary>
    public string ToolFrame { get; init; } = "tool_tip";

    /// <summary>The gripper joint (excluded from the arm's IK and tolerance; driven open/closed).</summary>
    public string GripperJoint { get; init; } = "gripper";

    /// <summary>Gripper position when open (rad).</summary>
    public double GripperOpenRad { get; init; } = 1.0;

    /// <summary>Gripper position commanded to close (rad); the jaw stops on a 3 cm cube about here.</summary>
    public double GripperClosedRad { get; init; } = 0.25;

    /// <summary>Tool-tip height of the grasp (m above the table): the middle of a 3 cm cube.</summary>
    public double GraspHeightM { get; init; } = 0.015;

    /// <summary>Approach: this far above the grasp height (m).</summary>
    public double ApproachHeightM { get; init; } = 0.08;

    /// <summary>Lift: this far above the grasp height (m).</summary>
    public double LiftHeightM { get; init; } = 0.10;

    /// <summary>Tool tip over the bin: x (m).</summary>
    public double BinXM { get; init; } = 0.0;

    /// <summary>Tool tip over the bin: y (m).</summary>
    public double BinYM { get; init; } = 0.23;

    /// <summary>Tool tip over the bin: z (m).</summary>
    public double BinZM { get; init; } = 0.12;

    /// <summary>
    /// When true (default) the jaw closes along the world x or y axis, whichever is nearer the arm's own heading,
    /// so it closes on the faces of an axis-aligned cube; false: the jaw follows the arm's heading.
    /// </summary>
    public bool AlignJawWithWorldAxes { get; init; } = true;

    /// <summary>Arm joints (all but the gripper) within this of their goal count as arrived (rad).</summary>
    public double ToleranceRad { get; init; } = 0.03;

    /// <summary>
    /// Farthest the goal handed to the policy may lead the measured joints (rad, largest joint): a farther goal is
    /// moved towards the arm along the straight joint-space line. The demo policy reaches its goal within one
    /// 0.4 s chunk, so this bounds the commanded speed (about 1 rad/s at 0.3) and acceleration.
    /// </summary>
    public double MaxGoalLeadRad { get; init; } = 0.3;

    /// <summary>Consecutive policy ticks within tolerance before the next skill.</summary>
    public int SettleTicks { get; init; } = 3;

    /// <summary>Time the gripper is given to close or open (ns).</summary>
    public long GripperDwellNs { get; init; } = 600_000_000;

    /// <summary>A skill that has not finished after this long fails the task (ns).</summary>
    public long SkillTimeoutNs { get; init; } = 10_000_000_000;

    /// <summary>The planner's image feature the camera feeds.</summary>
    public string CameraFeature { get; init; } = "observation.images.top";

    /// <summary>The planner skill that starts the sequence.</summary>
    public string PickSkill { get; init; } = "pick_and_place";

    /// <summary>The planner argument holding the target (x, y) in metres.</summary>
    public string TargetArgument { get; init; } = "target_xy";

    /// <summary>Home posture (rad, model order); null: the first measured state.</summary>
    public double[]? HomeRad { get; init; }

    /// <summary>The IK used for waypoints.</summary>
    public IkOptions Ik { get; init; } = new() { PositionToleranceM = 1e-4, OrientationToleranceRad = 1e-3, MaxIterations = 300 };

    /// <summary>Throws on values out of range, naming the value and the range.</summary>
    /// <exception cref="ArgumentException">On a bad value.</exception>
    public void Validate()
    {
        static void Positive(double v, string name)
        {
            if (!(v > 0) || !double.IsFinite(v)) throw new ArgumentException($"{name} must be a positive finite number; it is {v}.", name);
        }
        Positive(ToleranceRad, nameof(ToleranceRad));
        Positive(MaxGoalLeadRad, nameof(MaxGoalLeadRad));
        Positive(GripperDwellNs, nameof(GripperDwellNs));
        Positive(SkillTimeoutNs, nameof(SkillTimeoutNs));
        Positive(ApproachHeightM, nameof(ApproachHeightM));
        Positive(LiftHeightM, nameof(LiftHeightM));
        if (SettleTicks < 1) throw new ArgumentException($"{nameof(SettleTicks)} must be at least 1; it is {SettleTicks}.", nameof(SettleTicks));
        foreach (double v in new[] { GripperOpenRad, GripperClosedRad, GraspHeightM, BinXM, BinYM, BinZM })
            if (!double.IsFinite(v)) throw new ArgumentException($"Gripper positions, heights and the bin position must be finite; found {v}.");
    }
}
