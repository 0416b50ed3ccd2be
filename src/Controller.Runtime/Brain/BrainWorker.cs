using Controller.Brain.Hosting;
using Controller.Cerebellum.Joints;
using Controller.Brain.Manifests;
using Controller.Brain.Perception;
using Controller.Brain.Policies;
using Controller.Brain.Tasks;
using Controller.Pipeline.Messages;
using Controller.Pipeline.Rings;
using Controller.Pipeline.Time;
using Controller.Robotics.Model;
using Controller.Runtime.Simulation;

namespace Controller.Runtime.Brain;

/// <summary>
/// The brain on its own thread, in the runtime's process: the planner (camera image + instruction → which cube,
/// where) and the policy (state + goal → action chunk) drive the pick-and-place task, whose chunks go to the
/// cerebellum through the SPSC ring. It reads the latest joint state from the mailbox and never touches the loop.
/// </summary>
public sealed class BrainWorker : IDisposable
{
    private readonly PickAndPlaceTask _task;
    private readonly ModelHost _planner;
    private readonly ModelHost _policyHost;
    private readonly LatestValue<JointState> _state;
    private readonly LatestValue<JointCommand> _command;
    private readonly SimulatedScene? _scene;
    private readonly Thread _thread;
    private readonly long _periodNs;
    private volatile bool _stop;
    private volatile string _instruction;

    /// <summary>Loads and validates both models (throws <see cref="ManifestException"/> with every problem), warms them up.</summary>
    public BrainWorker(RobotModel model, string plannerManifest, string policyManifest, SpscProducer<ActionChunk> chunks,
        LatestValue<JointState> state, LatestValue<JointCommand> command, SimulatedScene? scene, string instruction,
        JointLimitSet limits)
    {
        _planner = ModelHost.Create(ManifestParser.Load(plannerManifest));
        try
        {
            _policyHost = ModelHost.Create(ManifestParser.Load(policyManifest));
        }
        catch
        {
            _planner.Dispose();
            throw;
        }

        var policy = new PolicyRunner(_policyHost, model.DofCount, chunks);
        // Position servos sag a little under gravity (≈ 0.01 rad at the shoulder, judged on the measured joints); 0.02 rad
        // still puts the tool within a few millimetres of each waypoint, where the default 0.03 let the descent stop short.
        // IK stays inside the soft limits the safety supervisor enforces, so no waypoint is one it would clamp.
        var defaults = new PickAndPlaceOptions();
        var ik = defaults.Ik with
        {
            LowerLimits = limits.All.ToArray().Select(l => l.SoftPositionMin).ToArray(),
            UpperLimits = limits.All.ToArray().Select(l => l.SoftPositionMax).ToArray(),
        };
        _task = new PickAndPlaceTask(model, _planner, policy, new TopDownCamera(), defaults with { ToleranceRad = 0.02, Ik = ik, GripperDwellNs = 900_000_000 });
        _state = state;
        _command = command;
        _scene = scene;
        _instruction = instruction;
        _periodNs = Math.Max(1_000_000, _task.PolicyPeriodNs / 4);
        _thread = new Thread(Run) { IsBackground = true, Name = "brain" };
    }

    /// <summary>The instruction being followed.</summary>
    public string Instruction => _instruction;

    /// <summary>The task's current skill.</summary>
    public string Skill => _task.SkillName;

    /// <summary>True once the task finished its sequence.</summary>
    public bool Done => _task.IsDone;

    /// <summary>Why the task failed, or null.</summary>
    public string? Failure => _task.IsFailed ? _task.FailureReason : null;

    /// <summary>Planner and policy inference counts and deadline misses, for the status line.</summary>
    public (long PlannerRuns, long PolicyCalls, long DeadlineMisses) Counts => (_task.PlannerRuns, _policyHost.Calls, _planner.DeadlineMisses + _policyHost.DeadlineMisses);

    /// <summary>Starts the brain thread.</summary>
    public void Start() => _thread.Start();

    /// <summary>Stops the thread (the cerebellum then holds the last point) and releases the models.</summary>
    public void Dispose()
    {
        _stop = true;
        if (_thread.IsAlive)
        {
            _thread.Join();
        }

        _policyHost.Dispose();
        _planner.Dispose();
    }

    private void Run()
    {
        var boxes = new List<SceneBox>();
        while (!_stop)
        {
            long now = MonotonicClock.Now();
            if (_state.TryRead(out JointState measured) == MailboxReadStatus.Success)
            {
                // The demo policy anchors its chunk at the state it is given; it plans from what the cerebellum is
                // commanding, while arrival at each waypoint is judged on the measured joints (see the task's Step).
                JointState plan = measured;
                if (_command.TryRead(out JointCommand commanded) == MailboxReadStatus.Success && commanded.JointCount == measured.JointCount
                    && commanded.Mode == ControlMode.Position)
                {
                    ((ReadOnlySpan<double>)commanded.Position).CopyTo(plan.Position);
                }

                boxes.Clear();
                if (_scene is not null)
                {
                    foreach (SceneObject o in _scene.Objects)
                    {
                        boxes.Add(SceneBox.Named(o.Name, o.Min, o.Max));
                    }
                }

                _task.Step(in measured, in plan, boxes, _instruction, now);
            }

            Thread.Sleep(TimeSpan.FromTicks(_periodNs / 100));
        }
    }
}
