using Controller.Brain.Cameras;
using Controller.Brain.Hosting;
using Controller.Brain.Perception;
using Controller.Brain.Policies;
using Controller.Robotics.Kinematics;
using Controller.Robotics.Model;
using Controller.Robotics.Spatial;
using Controller.Pipeline.Messages;

namespace Controller.Brain.Tasks;

/// <summary>
/// "Put the red cube in the bin": a skill sequencer between an ONNX planner and an ONNX goal-conditioned policy.
/// While waiting, the planner (camera image + instruction → pick_and_place/hold and a target x, y) runs at its
/// manifest rate. Once it says pick_and_place, the target is latched and the skills run in order: Approach, Descend,
/// Close, Lift, Transport, Release, Home, Done. Each arm waypoint is a tool-frame pose (tool pointing down) solved to
/// a joint goal by <see cref="InverseKinematics"/> seeded from the measured joints; the goal feeds the policy
/// (<c>observation.goal</c>), whose chunks the <see cref="PolicyRunner"/> publishes every policy period, also while
/// waiting, done or failed (then towards a hold posture), so the brain never goes silent. A skill ends when the arm
/// joints stay within tolerance for a few ticks (gripper skills also wait a dwell); no IK solution or a skill
/// timeout ends in <see cref="PickAndPlaceSkill.Failed"/>.
/// One thread (the brain's) calls <see cref="Step(in JointState, in JointState, IReadOnlyList{SceneBox}, string, long)"/>; allocation-free after construction (tested).
/// </summary>
public sealed class PickAndPlaceTask
{
    private static readonly string[] SkillNames = ["wait_for_plan", "approach", "descend", "close", "lift", "transport", "release", "home", "done", "failed"];

    private ModelHost _planner;
    private ObservationAssembler _plannerObservation;
    private PolicyRunner _policy;
    private readonly TopDownCamera _camera;
    private readonly ICameraSource? _imageSource;
    private readonly byte[] _sourcePixels = [];
    private readonly PickAndPlaceOptions _options;
    private readonly InverseKinematics _ik;
    private HostTensor _logits;
    private HostTensor _target;
    private readonly byte[] _pixels;
    private readonly double[] _goal;
    private readonly double[] _policyGoal;
    private readonly double[] _home;
    private readonly double[] _seed;
    private readonly int _dof;
    private readonly int _gripper;
    private int _pickIndex;
    private long _policyPeriodNs;
    private long _plannerPeriodNs;
    private bool _started;
    private long _nextTickNs;
    private long _nextPlanNs;
    private long _skillStartNs;
    private int _settledTicks;
    private double _failPositionErrorM;

    /// <summary>
    /// A task for <paramref name="model"/> driven by <paramref name="planner"/> (a planner manifest with the camera
    /// feature, a <c>task</c> input, the pick skill and the target argument) and <paramref name="policy"/> (a policy with
    /// <c>observation.state</c> and <c>observation.goal</c>, absolute joint positions). Create off the loop thread.
    /// </summary>
    /// <remarks>
    /// With an opened <paramref name="imageSource"/> (a real or recorded camera) the planner sees its newest frame instead
    /// of <paramref name="camera"/>'s rendering of the scene; a planner period without a usable frame counts in
    /// <see cref="PlannerImageMisses"/> (not in <see cref="PlannerRuns"/>) and plans nothing.
    /// </remarks>
    /// <exception cref="ArgumentException">When a model, frame, joint or feature the task needs is missing.</exception>
    public PickAndPlaceTask(RobotModel model, ModelHost planner, PolicyRunner policy, TopDownCamera camera, PickAndPlaceOptions? options = null,
        ICameraSource? imageSource = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(planner);
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(camera);
        _options = options ?? new PickAndPlaceOptions();
        _options.Validate();
        if (!model.HasFrame(_options.ToolFrame)) throw new ArgumentException($"Robot '{model.Name}' has no frame '{_options.ToolFrame}'.", nameof(model));
        _dof = model.DofCount;
        _gripper = model.JointIndex(_options.GripperJoint);
        if (_options.HomeRad is { } home && home.Length != _dof)
            throw new ArgumentException($"HomeRad has {home.Length} values; the robot has {_dof} joints.", nameof(options));

        _camera = camera;
        (_planner, _plannerObservation, _logits, _target, _pickIndex) = BindPlanner(planner);
        _policy = policy;
        _ik = new InverseKinematics(model, model.FrameIndex(_options.ToolFrame), _options.Ik);
        _pixels = new byte[camera.FrameBytes];
        _imageSource = imageSource;
        if (imageSource is not null) _sourcePixels = new byte[imageSource.Width * imageSource.Height * 3];
        _goal = new double[_dof];
        _policyGoal = new double[_dof];
        _home = new double[_dof];
        _seed = new double[_dof];
        _plannerPeriodNs = planner.Manifest.PeriodNs;
        _policyPeriodNs = PolicyPeriodNsOf(policy);
    }

    /// <summary>The policy the task steps (hot swap replaces it).</summary>
    public PolicyRunner Policy => _policy;

    /// <summary>The planner the task runs (hot swap replaces it).</summary>
    public ModelHost Planner => _planner;

    /// <summary>
    /// Checks that <paramref name="policy"/> fits the task (observation.goal, absolute joint positions) without using it:
    /// call off the brain thread before <see cref="ReplacePolicy"/>.
    /// </summary>
    /// <exception cref="ArgumentException">What the policy lacks.</exception>
    public static void CheckPolicy(PolicyRunner policy) => PolicyPeriodNsOf(policy);

    /// <summary>
    /// Switches to <paramref name="policy"/> between two steps (a chunk boundary): the next tick runs it. The sequencer's
    /// state (skill, goal, target) carries on; the caller disposes the previous policy's host. Brain thread only.
    /// </summary>
    /// <exception cref="ArgumentException">When the policy does not fit the task (nothing is switched).</exception>
    public void ReplacePolicy(PolicyRunner policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        long period = PolicyPeriodNsOf(policy);
        _policy = policy;
        _policyPeriodNs = period;
    }

    /// <summary>Switches to <paramref name="planner"/> between two steps; the latched target stays. Brain thread only.</summary>
    /// <exception cref="ArgumentException">When the planner lacks what the task reads (nothing is switched).</exception>
    public void ReplacePlanner(ModelHost planner)
    {
        ArgumentNullException.ThrowIfNull(planner);
        (_planner, _plannerObservation, _logits, _target, _pickIndex) = BindPlanner(planner);
        _plannerPeriodNs = planner.Manifest.PeriodNs;
    }

    private (ModelHost, ObservationAssembler, HostTensor, HostTensor, int) BindPlanner(ModelHost planner)
    {
        ArgumentNullException.ThrowIfNull(planner);
        var head = planner.Manifest.Planner ?? throw new ArgumentException($"'{planner.Manifest.ManifestPath}' is a {planner.Manifest.Kind}, not a planner.", nameof(planner));
        int pickIndex = Array.IndexOf(head.Skills, _options.PickSkill);
        if (pickIndex < 0) throw new ArgumentException($"The planner's skills ({string.Join(", ", head.Skills)}) lack '{_options.PickSkill}'.", nameof(planner));
        var targetArgument = head.Arguments.FirstOrDefault(a => a.Name == _options.TargetArgument)
            ?? throw new ArgumentException($"The planner has no argument '{_options.TargetArgument}' (x, y in metres).", nameof(planner));
        if (!planner.Manifest.Inputs.Any(i => i.Feature == _options.CameraFeature))
            throw new ArgumentException($"The planner has no input fed by '{_options.CameraFeature}'.", nameof(planner));
        var target = planner.Outputs[targetArgument.Tensor];
        if (target.ElementCount < 2) throw new ArgumentException($"Planner argument '{targetArgument.Name}' has {target.ElementCount} values; x and y are needed.", nameof(planner));
        return (planner, new ObservationAssembler(planner, _dof), planner.Outputs[head.SkillTensor], target, pickIndex);
    }

    /// <summary>The current skill.</summary>
    public PickAndPlaceSkill Skill { get; private set; }

    /// <summary>The current skill's name (snake_case, e.g. <c>transport</c>), for the live view and recordings.</summary>
    public string SkillName => SkillNames[(int)Skill];

    /// <summary>True once the sequence finished.</summary>
    public bool IsDone => Skill == PickAndPlaceSkill.Done;

    /// <summary>True once the task failed.</summary>
    public bool IsFailed => Skill == PickAndPlaceSkill.Failed;

    /// <summary>Why it failed (<see cref="TaskFailure.None"/> otherwise).</summary>
    public TaskFailure Failure { get; private set; }

    /// <summary>The skill that failed.</summary>
    public PickAndPlaceSkill FailedSkill { get; private set; }

    /// <summary>A sentence saying why the task failed, or empty (built when read, never on the step path).</summary>
    public string FailureReason => Failure switch
    {
        TaskFailure.Unreachable => $"{SkillNames[(int)FailedSkill]}: no IK solution puts {_options.ToolFrame} at the waypoint (target x {LastTargetXM:0.###} m, y {LastTargetYM:0.###} m); best position error {_failPositionErrorM:0.####} m",
        TaskFailure.Timeout => $"{SkillNames[(int)FailedSkill]}: not finished after {_options.SkillTimeoutNs / 1e9:0.##} s (the arm joints did not stay within {_options.ToleranceRad} rad of the goal)",
        _ => "",
    };

    /// <summary>The joint goal the policy is steering to (rad, model order).</summary>
    public ReadOnlySpan<double> GoalRad => _goal;

    /// <summary>The goal given to the policy at the last tick: <see cref="GoalRad"/>, or nearer the arm when it is farther than <see cref="PickAndPlaceOptions.MaxGoalLeadRad"/>.</summary>
    public ReadOnlySpan<double> PolicyGoalRad => _policyGoal;

    /// <summary>The planner's last target x (m, root frame); NaN before its first run.</summary>
    public double LastTargetXM { get; private set; } = double.NaN;

    /// <summary>The planner's last target y (m).</summary>
    public double LastTargetYM { get; private set; } = double.NaN;

    /// <summary>The planner's last decision: the winning skill's name (empty before the first run).</summary>
    public string LastPlannerSkill { get; private set; } = "";

    /// <summary>Calls of <see cref="Step(in JointState, in JointState, IReadOnlyList{SceneBox}, string, long)"/>.</summary>
    public long Steps { get; private set; }

    /// <summary>Policy periods acted on (each runs the policy once).</summary>
    public long Ticks { get; private set; }

    /// <summary>Planner runs.</summary>
    public long PlannerRuns { get; private set; }

    /// <summary>Planner runs that missed their deadline or failed (the task keeps waiting).</summary>
    public long PlannerFailures { get; private set; }

    /// <summary>Planner periods skipped because the camera source had no frame (not opened, none captured yet) or the planner's input refused its shape.</summary>
    public long PlannerImageMisses { get; private set; }

    /// <summary>Skill changes.</summary>
    public long Transitions { get; private set; }

    /// <summary>Steps given a state with fewer joints than the robot (ignored).</summary>
    public long BadStates { get; private set; }

    /// <summary>The last policy step's outcome.</summary>
    public PolicyStepStatus LastPolicyStatus { get; private set; }

    /// <summary>How often <see cref="Step(in JointState, in JointState, IReadOnlyList{SceneBox}, string, long)"/> acts: the policy manifest's period (call at least this often).</summary>
    public long PolicyPeriodNs => _policyPeriodNs;

    /// <summary>
    /// Advances the task at <paramref name="nowNs"/> (monotonic) with the measured joints, the scene the camera sees
    /// and the instruction. Acts once per policy period (earlier calls return at once): maybe runs the planner (at
    /// its own rate, while waiting), moves to the next skill, then runs the policy towards the goal and publishes a
    /// chunk. Never throws and allocates nothing; returns the skill now running.
    /// </summary>
    public PickAndPlaceSkill Step(in JointState measured, IReadOnlyList<SceneBox> scene, string instruction, long nowNs) =>
        Step(in measured, in measured, scene, instruction, nowNs);

    /// <summary>
    /// As <see cref="Step(in JointState, IReadOnlyList{SceneBox}, string, long)"/>, but the policy plans from
    /// <paramref name="planState"/> (the positions the cerebellum is commanding) while arrival at each waypoint is
    /// judged on <paramref name="measured"/>. On position servos that sag under load, anchoring each chunk at the
    /// measured joints would re-add the sag every chunk and never make it up.
    /// </summary>
    public PickAndPlaceSkill Step(in JointState measured, in JointState planState, IReadOnlyList<SceneBox> scene, string instruction, long nowNs)
    {
        Steps++;
        if (measured.JointCount < _dof) { BadStates++; return Skill; }
        if (!_started) Start(in measured, nowNs);
        else if (nowNs < _nextTickNs) return Skill;
        _nextTickNs += _policyPeriodNs;
        if (_nextTickNs <= nowNs) _nextTickNs = nowNs + _policyPeriodNs;
        Ticks++;

        switch (Skill)
        {
            case PickAndPlaceSkill.WaitForPlan:
                if (nowNs >= _nextPlanNs)
                {
                    _nextPlanNs = nowNs + _plannerPeriodNs;
                    if (Plan(scene, instruction, nowNs)) Enter(PickAndPlaceSkill.Approach, in measured, nowNs);
                }
                break;
            case PickAndPlaceSkill.Done:
            case PickAndPlaceSkill.Failed:
                break;
            default:
                Advance(in measured, nowNs);
                break;
        }

        LimitGoalLead(in planState);
        _policy.Observation.SetGoal(_policyGoal);
        LastPolicyStatus = _policy.Step(in planState, nowNs);
        return Skill;
    }

    // Scale the whole step so the joint-space path stays the straight line towards the goal.
    private void LimitGoalLead(in JointState measured)
    {
        double largest = 0;
        for (int j = 0; j < _dof; j++) largest = Math.Max(largest, Math.Abs(_goal[j] - measured.Position[j]));
        double scale = largest > _options.MaxGoalLeadRad ? _options.MaxGoalLeadRad / largest : 1;
        for (int j = 0; j < _dof; j++) _policyGoal[j] = measured.Position[j] + scale * (_goal[j] - measured.Position[j]);
    }

    private void Start(in JointState measured, long nowNs)
    {
        for (int j = 0; j < _dof; j++) _home[j] = _options.HomeRad?[j] ?? measured.Position[j];
        // Hold where the arm is until the planner decides.
        for (int j = 0; j < _dof; j++) _goal[j] = measured.Position[j];
        _nextTickNs = nowNs;
        _nextPlanNs = nowNs;
        _skillStartNs = nowNs;
        _started = true;
    }

    private bool Plan(IReadOnlyList<SceneBox> scene, string instruction, long nowNs)
    {
        if (_imageSource is not null && !SetSourceImage()) { PlannerImageMisses++; return false; }
        PlannerRuns++;
        if (_imageSource is null) _plannerObservation.SetImage(_options.CameraFeature, _camera.Render(scene, _pixels, nowNs));
        _plannerObservation.SetTask(instruction);
        if (_planner.Run() != InferenceStatus.Ok) { PlannerFailures++; return false; }
        ReadOnlySpan<float> logits = _logits.Floats;
        int best = 0;
        for (int i = 1; i < logits.Length; i++) if (logits[i] > logits[best]) best = i;
        LastPlannerSkill = _planner.Manifest.Planner!.Skills[best];
        LastTargetXM = _target.Floats[0];
        LastTargetYM = _target.Floats[1];
        return best == _pickIndex && double.IsFinite(LastTargetXM) && double.IsFinite(LastTargetYM);
    }

    private bool SetSourceImage()
    {
        CameraReadStatus status = _imageSource!.ReadLatest(_sourcePixels, out CameraFrameInfo info);
        if (status is not (CameraReadStatus.Fresh or CameraReadStatus.Repeated)) return false;
        return _plannerObservation.SetImage(_options.CameraFeature, new CameraFrame(_sourcePixels, _imageSource.Width, _imageSource.Height, 3, info.TimestampNs)) == AssemblyStatus.Ok;
    }

    private void Advance(in JointState measured, long nowNs)
    {
        bool arrived = true;
        for (int j = 0; j < _dof; j++)
        {
            if (j != _gripper && Math.Abs(measured.Position[j] - _goal[j]) > _options.ToleranceRad) arrived = false;
        }
        _settledTicks = arrived ? _settledTicks + 1 : 0;
        bool gripping = Skill is PickAndPlaceSkill.Close or PickAndPlaceSkill.Release;
        long elapsedNs = nowNs - _skillStartNs;
        if (_settledTicks >= _options.SettleTicks && (!gripping || elapsedNs >= _options.GripperDwellNs))
        {
            Enter(Skill + 1, in measured, nowNs);
        }
        else if (elapsedNs > _options.SkillTimeoutNs)
        {
            Fail(TaskFailure.Timeout, in measured);
        }
    }

    private void Enter(PickAndPlaceSkill next, in JointState measured, long nowNs)
    {
        Skill = next;
        _skillStartNs = nowNs;
        _settledTicks = 0;
        Transitions++;
        double x = LastTargetXM, y = LastTargetYM, grasp = _options.GraspHeightM;
        bool solved = next switch
        {
            PickAndPlaceSkill.Approach => SolveTool(x, y, grasp + _options.ApproachHeightM, _options.GripperOpenRad, in measured),
            PickAndPlaceSkill.Descend => SolveTool(x, y, grasp, _options.GripperOpenRad, in measured),
            PickAndPlaceSkill.Lift => SolveTool(x, y, grasp + _options.LiftHeightM, _options.GripperClosedRad, in measured),
            PickAndPlaceSkill.Transport => SolveTool(_options.BinXM, _options.BinYM, _options.BinZM, _options.GripperClosedRad, in measured),
            _ => true,
        };
        if (next == PickAndPlaceSkill.Close) _goal[_gripper] = _options.GripperClosedRad;
        if (next == PickAndPlaceSkill.Release) _goal[_gripper] = _options.GripperOpenRad;
        if (next == PickAndPlaceSkill.Home)
        {
            _home.CopyTo(_goal, 0);
            _goal[_gripper] = _options.GripperOpenRad;
        }
        if (!solved) Fail(TaskFailure.Unreachable, in measured);
    }

    // Tool pointing down (its z along the world's −z): R = Rz(ψ)·Ry(π), ψ the arm's heading or the nearest world axis.
    private bool SolveTool(double x, double y, double z, double gripperRad, in JointState measured)
    {
        double heading = Math.Atan2(y, x);
        double yaw = _options.AlignJawWithWorldAxes ? Math.Round(heading / (Math.PI / 2)) * (Math.PI / 2) : heading;
        var target = new Transform3(Mat3.FromRpy(0, Math.PI, yaw), new Vec3(x, y, z));
        for (int j = 0; j < _dof; j++) _seed[j] = measured.Position[j];
        var result = _ik.Solve(in target, _seed);
        if (!result.Converged)
        {
            _failPositionErrorM = result.PositionErrorM;
            return false;
        }
        for (int j = 0; j < _dof; j++) if (j != _gripper) _goal[j] = _seed[j];
        _goal[_gripper] = gripperRad;
        return true;
    }

    private void Fail(TaskFailure why, in JointState measured)
    {
        FailedSkill = Skill;
        Failure = why;
        Skill = PickAndPlaceSkill.Failed;
        Transitions++;
        // Hold where the arm is.
        for (int j = 0; j < _dof; j++) _goal[j] = measured.Position[j];
    }

    private static long PolicyPeriodNsOf(PolicyRunner policy)
    {
        var m = policy.Manifest;
        if (!m.Inputs.Any(i => i.Kind == Manifests.FeatureKind.Goal))
            throw new ArgumentException($"The policy '{m.ManifestPath}' has no observation.goal input; the task steers it by a joint goal.", nameof(policy));
        if (m.Action!.Meaning != ActionKind.AbsoluteJointPosition)
            throw new ArgumentException($"The policy '{m.ManifestPath}' outputs {m.Action.Meaning}; the task needs absolute joint positions.", nameof(policy));
        return m.PeriodNs;
    }
}
