using Controller.Brain.Demo;
using Controller.Brain.Hosting;
using Controller.Brain.Manifests;
using Controller.Brain.Onnx;
using Controller.Brain.Perception;
using Controller.Brain.Policies;
using Controller.Brain.Tasks;
using Controller.Brain.Tests.Support;
using Controller.Pipeline.Messages;
using Controller.Pipeline.Rings;
using Controller.Robotics.Kinematics;
using Controller.Robotics.Model;
using Controller.Robotics.Spatial;
using Controller.Robotics.Urdf;

namespace Controller.Brain.Tests.Tasks;

/// <summary>
/// The task with the committed demo models on an idealised arm: no physics; after each policy period the arm
/// stands where the latest chunk says it should be one period later (the row at 0.1 s).
/// </summary>
public sealed class PickAndPlaceTaskTests : IDisposable
{
    private const string Instruction = "put the red cube in the bin";
    private static readonly RobotModel Model = RobotModel.FromUrdf(UrdfParser.ParseFile(RepoPaths.SimArm6Urdf));
    private readonly ModelHost _planner = ModelHost.Create(ManifestParser.Load(RepoPaths.Model(DemoModelGenerator.PlannerManifestFile)));
    private readonly ModelHost _policyHost = ModelHost.Create(ManifestParser.Load(RepoPaths.Model(DemoModelGenerator.PolicyManifestFile)));
    private readonly SpscRing<ActionChunk> _ring = SpscRing<ActionChunk>.Create(8);
    private readonly SpscConsumer<ActionChunk> _chunks;
    private readonly PickAndPlaceTask _task;
    private readonly PolicyRunner _runner;
    private readonly double[] _q = new double[7];
    private readonly int _tool = Model.FrameIndex("tool_tip");
    private long _nowNs = 1_000_000;

    public PickAndPlaceTaskTests()
    {
        _runner = new PolicyRunner(_policyHost, 7, _ring.TakeProducer());
        _chunks = _ring.TakeConsumer();
        _task = new PickAndPlaceTask(Model, _planner, _runner, new TopDownCamera());
        // robot.yaml's initial posture.
        _q[Model.JointIndex("shoulder_lift")] = 0.3;
        _q[Model.JointIndex("elbow")] = 1.2;
        _q[Model.JointIndex("wrist_pitch")] = 1.0;
    }

    public void Dispose()
    {
        _planner.Dispose();
        _policyHost.Dispose();
        _ring.Dispose();
    }

    private static IReadOnlyList<SceneBox> Scene(double redX = 0.235, double redY = -0.085) =>
    [
        SceneBox.Named("red_cube", [redX - 0.015, redY - 0.015, 0.0], [redX + 0.015, redY + 0.015, 0.03]),
        SceneBox.Named("green_cube", [0.26, 0.02, 0.0], [0.29, 0.05, 0.03]),
        SceneBox.Named("blue_cube", [0.18, 0.08, 0.0], [0.21, 0.11, 0.03]),
        SceneBox.Named("bin_wall_near", [-0.05, 0.18, 0.0], [0.05, 0.19, 0.06]),
        SceneBox.Named("bin_wall_far", [-0.05, 0.27, 0.0], [0.05, 0.28, 0.06]),
    ];

    // One policy period: the task sees the arm, then the arm moves to where the chunk puts it a period later.
    private PickAndPlaceSkill Tick(IReadOnlyList<SceneBox> scene, bool armMoves = true)
    {
        var state = new JointState { JointCount = 7 };
        for (int j = 0; j < 7; j++) state.Position[j] = _q[j];
        var skill = _task.Step(in state, scene, Instruction, _nowNs);
        while (_chunks.TryRead(out var chunk))
        {
            int row = (int)Math.Min(chunk.Steps - 1, _task.PolicyPeriodNs / chunk.StepPeriodNs);
            if (armMoves) for (int j = 0; j < 7; j++) _q[j] = chunk.Row(row)[j];
        }
        _nowNs += _task.PolicyPeriodNs;
        return skill;
    }

    private Transform3 ToolPose(ReadOnlySpan<double> q) => ForwardKinematics.FramePose(new RobotData(Model), q, _tool);

    [Fact]
    public void Step_IdealArm_RunsEverySkillToDoneWithToolAtTheWaypoints()
    {
        var scene = Scene();
        var entered = new List<(PickAndPlaceSkill Skill, double[] Goal)>();
        double lowestToolInTransportM = double.PositiveInfinity, fastestRadPerS = 0;
        var previous = PickAndPlaceSkill.WaitForPlan;
        for (int tick = 0; tick < 2000 && !_task.IsDone && !_task.IsFailed; tick++)
        {
            double[] before = _q.ToArray();
            var skill = Tick(scene);
            for (int j = 0; j < 6; j++) fastestRadPerS = Math.Max(fastestRadPerS, Math.Abs(_q[j] - before[j]) / 0.1);
            if (skill != previous) entered.Add((skill, _task.GoalRad.ToArray()));
            if (skill == PickAndPlaceSkill.Transport) lowestToolInTransportM = Math.Min(lowestToolInTransportM, ToolPose(_q).Translation.Z);
            previous = skill;
        }
        Assert.True(_task.IsDone, $"ended in {_task.SkillName}: {_task.FailureReason}");
        Assert.Equal([PickAndPlaceSkill.Approach, PickAndPlaceSkill.Descend, PickAndPlaceSkill.Close, PickAndPlaceSkill.Lift,
            PickAndPlaceSkill.Transport, PickAndPlaceSkill.Release, PickAndPlaceSkill.Home, PickAndPlaceSkill.Done], entered.Select(e => e.Skill));
        Assert.Equal(0.235, _task.LastTargetXM, 0.002);
        Assert.Equal(-0.085, _task.LastTargetYM, 0.002);
        Assert.Equal("pick_and_place", _task.LastPlannerSkill);

        (double X, double Y, double Z, double Gripper)[] expected =
        [
            (_task.LastTargetXM, _task.LastTargetYM, 0.095, 1.0),   // approach: 8 cm above the grasp
            (_task.LastTargetXM, _task.LastTargetYM, 0.015, 1.0),   // descend: the cube's middle
            (_task.LastTargetXM, _task.LastTargetYM, 0.015, 0.25),  // close
            (_task.LastTargetXM, _task.LastTargetYM, 0.115, 0.25),  // lift: 10 cm up
            (0.0, 0.23, 0.12, 0.25),                                // transport: above the bin
            (0.0, 0.23, 0.12, 1.0),                                 // release
        ];
        for (int i = 0; i < expected.Length; i++)
        {
            var pose = ToolPose(entered[i].Goal);
            Assert.Equal(expected[i].X, pose.Translation.X, 1e-3);
            Assert.Equal(expected[i].Y, pose.Translation.Y, 1e-3);
            Assert.Equal(expected[i].Z, pose.Translation.Z, 1e-3);
            Assert.Equal(-1.0, pose.Rotation.M22, 1e-3);           // tool z along world −z
            Assert.Equal(expected[i].Gripper, entered[i].Goal[6], 1e-9);
        }
        // The jaw (tool x) closes along a world axis, on the cube's faces.
        var grasp = ToolPose(entered[1].Goal).Rotation;
        Assert.Equal(1.0, Math.Max(Math.Abs(grasp.M00), Math.Abs(grasp.M10)), 1e-3);
        // Home: the starting posture, gripper open; the arm reached it.
        var home = entered[6].Goal;
        Assert.Equal([0, 0.3, 1.2, 0, 1.0, 0], home[..6], new ToleranceComparer(1e-9));
        Assert.Equal(1.0, home[6]);
        for (int j = 0; j < 6; j++) Assert.Equal(home[j], _q[j], 0.03);
        // The carried cube (bottom 1.5 cm below the tool tip) stays above the 6 cm bin walls on the way.
        Assert.True(lowestToolInTransportM - 0.015 > 0.06, $"tool tip went down to {lowestToolInTransportM:0.###} m during transport");
        Assert.True(_task.PolicyPeriodNs == 100_000_000 && _task.PlannerRuns >= 1 && _task.Transitions == 8);
        // Every tick published a chunk (none failed the output checks: limits, max_jump), and the episode took
        // a plausible time at the policy's 10 Hz (each skill converges in a couple of seconds).
        Assert.Equal(_task.Ticks, _runner.Count(PolicyStepStatus.Published));
        Assert.InRange(_task.Ticks, 40, 600);
        // The goal lead limit (0.3 rad) keeps the arm's average speed over a tick near 0.65 rad/s, far below 2 rad/s.
        Assert.InRange(fastestRadPerS, 0.3, 0.7);
    }

    [Fact]
    public void Step_TargetOutOfReach_FailsUnreachableAndHolds()
    {
        var scene = Scene(redX: 0.37, redY: 0.0);
        for (int tick = 0; tick < 50 && !_task.IsFailed; tick++) Tick(scene);
        Assert.True(_task.IsFailed);
        Assert.Equal((TaskFailure.Unreachable, PickAndPlaceSkill.Approach), (_task.Failure, _task.FailedSkill));
        Assert.Contains("approach: no IK solution", _task.FailureReason);
        // Holding: the goal is where the arm was, and chunks keep coming.
        double[] before = _q.ToArray();
        for (int tick = 0; tick < 5; tick++) Assert.Equal(PickAndPlaceSkill.Failed, Tick(scene));
        Assert.Equal(before, _q, new ToleranceComparer(1e-5));
        Assert.Equal(PolicyStepStatus.Published, _task.LastPolicyStatus);
    }

    [Fact]
    public void Step_ArmNeverMoves_FailsWithTimeoutOfApproach()
    {
        var scene = Scene();
        for (int tick = 0; tick < 200 && !_task.IsFailed; tick++) Tick(scene, armMoves: false);
        Assert.True(_task.IsFailed);
        Assert.Equal((TaskFailure.Timeout, PickAndPlaceSkill.Approach), (_task.Failure, _task.FailedSkill));
        Assert.Contains("not finished after 10 s", _task.FailureReason);
    }

    [Fact]
    public void Step_NoColourNamedThenNamed_WaitsThenStarts()
    {
        var scene = Scene();
        var state = new JointState { JointCount = 7 };
        for (int i = 0; i < 20; i++, _nowNs += _task.PolicyPeriodNs)
            Assert.Equal(PickAndPlaceSkill.WaitForPlan, _task.Step(in state, scene, "put the cube in the bin", _nowNs));
        Assert.Equal("hold", _task.LastPlannerSkill);
        Assert.Equal(4, _task.PlannerRuns);   // 2 s at the planner's 2 Hz: runs at 0, 0.5, 1.0, 1.5 s
        Assert.Equal(20, _task.Ticks);
        Assert.Equal(PickAndPlaceSkill.Approach, _task.Step(in state, scene, Instruction, _nowNs));
    }

    [Fact]
    public void Step_CalledFasterThanPolicyRate_ActsOncePerPeriod()
    {
        var state = new JointState { JointCount = 7 };
        for (int i = 0; i < 100; i++) _task.Step(in state, Scene(), "", _nowNs + i * 1_000_000);   // 1 kHz for 0.1 s
        Assert.Equal((100L, 1L), (_task.Steps, _task.Ticks));
        _task.Step(in state, Scene(), "", _nowNs + 100_000_000);
        Assert.Equal(2L, _task.Ticks);
    }

    [Fact]
    public void Step_WholeEpisode_AllocatesNothing()
    {
        var scene = Scene();
        Tick(scene);
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int tick = 0; tick < 2000 && !_task.IsDone; tick++) Tick(scene);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(_task.IsDone);
        Assert.Equal(0, allocated);
    }

    [Fact]
    public void Constructor_PolicyWithoutGoal_ThrowsNamingIt()
    {
        using var folder = new TempFolder();
        var b = new OnnxGraphBuilder("no_goal");
        var state = b.Input("state", OnnxDataType.Float, 1, 7);
        b.Output(b.Reshape(b.Concat(1, state, state), 1, 2, 7), "action", OnnxDataType.Float, 1, 2, 7);
        b.Build().Save(folder.File("no_goal.onnx"));
        folder.Write("no_goal.yaml", """
            kind: policy
            model: no_goal.onnx
            rate_hz: 10
            inputs: [{feature: observation.state, tensor: state, shape: [1, 7]}]
            action: {tensor: action, shape: [1, 2, 7], meaning: absolute_joint_position, step_hz: 20}
            """);
        using var host = ModelHost.Create(ManifestParser.Load(folder.File("no_goal.yaml")));
        using var ring = SpscRing<ActionChunk>.Create(2);
        var runner = new PolicyRunner(host, 7, ring.TakeProducer());
        var e = Assert.Throws<ArgumentException>(() => new PickAndPlaceTask(Model, _planner, runner, new TopDownCamera()));
        Assert.Contains("observation.goal", e.Message);
    }

    private sealed class ToleranceComparer(double tolerance) : IEqualityComparer<double>
    {
        public bool Equals(double a, double b) => Math.Abs(a - b) <= tolerance;

        public int GetHashCode(double value) => 0;
    }
}
