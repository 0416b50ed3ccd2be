using Controller.Brain.Cameras;
using Controller.Brain.Hosting;
using Controller.Brain.Manifests;
using Controller.Brain.Perception;
using Controller.Brain.Policies;
using Controller.Brain.Tasks;
using Controller.Cerebellum.Joints;
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
/// A chunk that fails the output checks (NaN/∞, out of range, a jump) or a missed deadline publishes nothing: the
/// follower finishes the last accepted chunk and holds its last row (and the supervisor's brain watchdog stops the
/// robot if the silence lasts). Each outcome is counted (<see cref="PolicyCount"/>); a model that misses its deadline
/// or fails <see cref="BrainOptions.ReloadAfterFailures"/> times in a row is reloaded from its manifest off this
/// thread. <see cref="RequestSwap"/> loads, validates and warms a new model off this thread and switches to it
/// between two policy steps (a chunk boundary), handing the chunk plan over so the seam stays continuous.
/// </summary>
public sealed class BrainWorker : IDisposable
{
    private readonly PickAndPlaceTask _task;
    private readonly SpscProducer<ActionChunk> _chunks;
    private readonly BrainOptions _options;
    private readonly LatestValue<JointState> _state;
    private readonly LatestValue<JointCommand> _command;
    private readonly Action<List<SceneBox>>? _readScene;
    private readonly ICameraSource? _camera;
    private readonly Thread _thread;
    private readonly long _periodNs;
    private readonly int _dof;
    private readonly long[] _policyCounts = new long[Enum.GetValues<PolicyStepStatus>().Length];
    private readonly object _swapGate = new();
    private PendingSwap? _pending;
    private volatile bool _stop;
    private volatile string _instruction;
    private volatile string _policyManifest;
    private volatile string _plannerManifest;
    private bool _disposed;
    private int _nextModelIndex;
    private int _policyModelIndex;
    private long _plannerRuns;
    private long _policyCalls;
    private long _deadlineMisses;
    private long _swaps;
    private long _reloads;
    private long _ticks;
    private int _policyFailuresInRow;
    private int _plannerFailuresInRow;
    private long _lastPolicyReloadNs;
    private long _lastPlannerReloadNs;
    private int _reloadsInFlight;
    private Recording.ModelCallTap? _modelCalls;

    /// <summary>Loads and validates both models (throws <see cref="ManifestException"/> with every problem), warms them up.</summary>
    /// <exception cref="ManifestException">A manifest or model is wrong.</exception>
    /// <exception cref="ArgumentException">A model does not fit the task (a policy without observation.goal, a planner without the target).</exception>
    public BrainWorker(RobotModel model, string plannerManifest, string policyManifest, SpscProducer<ActionChunk> chunks,
        LatestValue<JointState> state, LatestValue<JointCommand> command, SimulatedScene? scene, string instruction,
        JointLimitSet limits, BrainOptions? options = null)
        : this(model, plannerManifest, policyManifest, chunks, state, command, scene is null ? null : boxes => AddSceneBoxes(scene, boxes), instruction, limits, options, sceneFromSource: true)
    {
    }

    /// <summary>
    /// As the public constructor, with the scene's boxes from <paramref name="readScene"/> (the out-of-process brain
    /// reads them from shared memory). <paramref name="sceneFromSource"/> only tells the two constructors apart.
    /// </summary>
    internal BrainWorker(RobotModel model, string plannerManifest, string policyManifest, SpscProducer<ActionChunk> chunks,
        LatestValue<JointState> state, LatestValue<JointCommand> command, Action<List<SceneBox>>? readScene, string instruction,
        JointLimitSet limits, BrainOptions? options, bool sceneFromSource)
    {
        _ = sceneFromSource;
        _options = options ?? new BrainOptions();
        _options.Validate();
        if (_options.ModelManifest is { } replacement)
        {
            if (ManifestParser.Load(replacement).Kind == ManifestKind.Planner) plannerManifest = replacement;
            else policyManifest = replacement;
        }

        _plannerManifest = Path.GetFullPath(plannerManifest);
        _policyManifest = Path.GetFullPath(policyManifest);
        _chunks = chunks;
        _dof = model.DofCount;
        ModelHost planner = CreateHost(ManifestParser.Load(plannerManifest));
        ModelHost? policyHost = null;
        try
        {
            policyHost = CreateHost(ManifestParser.Load(policyManifest));
            var policy = new PolicyRunner(policyHost, model.DofCount, chunks, modelIndex: 0);
            // Position servos sag a little under gravity (≈ 0.01 rad at the shoulder, judged on the measured joints); 0.02 rad
            // still puts the tool within a few millimetres of each waypoint, where the default 0.03 let the descent stop short.
            // IK stays inside the soft limits the safety supervisor enforces, so no waypoint is one it would clamp.
            var defaults = new PickAndPlaceOptions();
            var ik = defaults.Ik with
            {
                LowerLimits = limits.All.ToArray().Select(l => l.SoftPositionMin).ToArray(),
                UpperLimits = limits.All.ToArray().Select(l => l.SoftPositionMax).ToArray(),
            };
            _camera = CameraSourceFactory.OpenFor(_options.Cameras, defaults.CameraFeature);
            _task = new PickAndPlaceTask(model, planner, policy, new TopDownCamera(), defaults with { ToleranceRad = 0.02, Ik = ik, GripperDwellNs = 900_000_000 }, _camera);
        }
        catch
        {
            _camera?.Dispose();
            policyHost?.Dispose();
            planner.Dispose();
            throw;
        }

        _state = state;
        _command = command;
        _readScene = readScene;
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

    /// <summary>Planner and policy inference counts and deadline misses (all models so far), for the status line. Any thread.</summary>
    public (long PlannerRuns, long PolicyCalls, long DeadlineMisses) Counts =>
        (Volatile.Read(ref _plannerRuns), Volatile.Read(ref _policyCalls), Volatile.Read(ref _deadlineMisses));

    /// <summary>Policy steps (one per policy period, all models so far) that ended with <paramref name="status"/>. Any thread.</summary>
    public long PolicyCount(PolicyStepStatus status) => Volatile.Read(ref _policyCounts[(int)status]);

    /// <summary>Policy periods acted on. Any thread.</summary>
    public long Ticks => Volatile.Read(ref _ticks);

    /// <summary>Swaps applied by <see cref="RequestSwap"/>. Any thread.</summary>
    public long Swaps => Volatile.Read(ref _swaps);

    /// <summary>Models reloaded after repeated deadline misses or failures. Any thread.</summary>
    public long Reloads => Volatile.Read(ref _reloads);

    /// <summary>The index stamped into the chunks of the policy now running (0 for the first; each load takes the next). Any thread.</summary>
    public int PolicyModelIndex => Volatile.Read(ref _policyModelIndex);

    /// <summary>The manifest of the policy now running.</summary>
    public string PolicyManifest => _policyManifest;

    /// <summary>The camera the planner sees when one is configured (null: the simulated scene camera).</summary>
    public ICameraSource? Camera => _camera;

    /// <summary>The manifest of the planner now running.</summary>
    public string PlannerManifest => _plannerManifest;

    /// <summary>Hands every model call's inputs and outputs to <paramref name="tap"/> (the recorder's). Call before <see cref="Start"/>.</summary>
    public void RecordModelCalls(Recording.ModelCallTap tap) => _modelCalls = tap;

    /// <summary>Starts the brain thread.</summary>
    public void Start() => _thread.Start();

    /// <summary>
    /// Loads <paramref name="manifestPath"/> (its <c>kind</c> says planner or policy) on a pool thread: parse, validate
    /// against the ONNX signature, preallocate, warm up; then the brain thread switches to it before its next policy
    /// step, the new policy continuing the plan the old one published. The task completes once the switch is made, or
    /// faults with the <see cref="ManifestException"/> / <see cref="ArgumentException"/> that refused the model (the
    /// old model keeps running). A later request supersedes one not yet applied.
    /// </summary>
    public Task RequestSwap(string manifestPath) => Load(Path.GetFullPath(manifestPath), reload: false);

    /// <summary>Stops the thread (the cerebellum then holds the last point) and releases the models.</summary>
    public void Dispose()
    {
        _stop = true;
        if (_thread.IsAlive)
        {
            _thread.Join();
        }

        lock (_swapGate)
        {
            _disposed = true;
            if (_pending is { } pending)
            {
                pending.Host.Dispose();
                pending.Done.TrySetCanceled();
                _pending = null;
            }
        }

        _task.Policy.Host.Dispose();
        _task.Planner.Dispose();
        _camera?.Dispose();
    }

    private ModelHost CreateHost(ModelManifest manifest)
    {
        long deadline = manifest.Kind == ManifestKind.Policy ? _options.PolicyDeadlineNs : _options.PlannerDeadlineNs;
        return ModelHost.Create(manifest, new HostOptions { DeadlineNs = deadline > 0 ? deadline : manifest.PeriodNs });
    }

    private Task Load(string path, bool reload)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _ = Task.Run(() =>
        {
            ModelHost? host = null;
            try
            {
                ModelManifest manifest = ManifestParser.Load(path);
                host = CreateHost(manifest);
                PolicyRunner? runner = null;
                if (manifest.Kind == ManifestKind.Policy)
                {
                    runner = new PolicyRunner(host, _dof, _chunks, modelIndex: Interlocked.Increment(ref _nextModelIndex));
                    PickAndPlaceTask.CheckPolicy(runner);
                }

                lock (_swapGate)
                {
                    if (_disposed)
                    {
                        host.Dispose();
                        done.TrySetCanceled();
                        return;
                    }

                    if (_pending is { } superseded)
                    {
                        superseded.Host.Dispose();
                        superseded.Done.TrySetException(new InvalidOperationException($"the swap to '{superseded.Path}' was superseded by '{path}' before it was applied"));
                    }

                    _pending = new PendingSwap(path, host, runner, reload, done);
                }
            }
            catch (Exception e)
            {
                // Whatever refused the model goes back to the caller; the running model is untouched.
                host?.Dispose();
                done.TrySetException(e);
            }
            finally
            {
                if (reload) Interlocked.Decrement(ref _reloadsInFlight);
            }
        });
        return done.Task;
    }

    private void ApplyPendingSwap()
    {
        PendingSwap? swap;
        lock (_swapGate)
        {
            swap = _pending;
            _pending = null;
        }

        if (swap is null) return;
        try
        {
            if (swap.Runner is { } runner)
            {
                PolicyRunner old = _task.Policy;
                if (old.Shaper is { } oldShaper) runner.Shaper?.ContinueFrom(oldShaper);
                _task.ReplacePolicy(runner);
                _policyManifest = swap.Path;
                Volatile.Write(ref _policyModelIndex, runner.ModelIndex);
                DisposeOffThread(old.Host);
            }
            else
            {
                ModelHost old = _task.Planner;
                _task.ReplacePlanner(swap.Host);
                _plannerManifest = swap.Path;
                DisposeOffThread(old);
            }
        }
        catch (ArgumentException e)
        {
            swap.Host.Dispose();
            swap.Done.TrySetException(e);
            return;
        }

        Interlocked.Increment(ref swap.Reload ? ref _reloads : ref _swaps);
        swap.Done.TrySetResult();
    }

    // Releasing a session frees its arenas; the brain thread goes straight on to its next step instead.
    private static void DisposeOffThread(ModelHost host) => _ = Task.Run(host.Dispose);

    private void Run()
    {
        var boxes = new List<SceneBox>();
        while (!_stop)
        {
            if (Volatile.Read(ref _pending) is not null) ApplyPendingSwap();
            long now = MonotonicClock.Now();
            // Beaten from the brain thread itself, so a hung step reads as a stale brain, not only a dead process.
            _chunks.Heartbeat(now);
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
                _readScene?.Invoke(boxes);

                long ticks = _task.Ticks, plannerRuns = _task.PlannerRuns, plannerFailures = _task.PlannerFailures, plannerMisses = _task.Planner.DeadlineMisses;
                _task.Step(in measured, in plan, boxes, _instruction, now);
                if (_task.Ticks != ticks)
                {
                    _modelCalls?.Capture(_task, in plan, boxes, _instruction, now, _task.PlannerRuns != plannerRuns);
                    AfterTick(now, _task.PlannerRuns - plannerRuns, _task.PlannerFailures - plannerFailures, _task.Planner.DeadlineMisses - plannerMisses);
                }
            }

            Thread.Sleep(TimeSpan.FromTicks(_periodNs / 100));
        }
    }

    private static void AddSceneBoxes(SimulatedScene scene, List<SceneBox> boxes)
    {
        foreach (SceneObject o in scene.Objects)
        {
            boxes.Add(SceneBox.Named(o.Name, o.Min, o.Max));
        }
    }

    private void AfterTick(long nowNs, long plannerRuns, long plannerFailures, long plannerMisses)
    {
        PolicyStepStatus status = _task.LastPolicyStatus;
        Interlocked.Increment(ref _policyCounts[(int)status]);
        Interlocked.Increment(ref _ticks);
        Interlocked.Increment(ref _policyCalls);
        Interlocked.Add(ref _plannerRuns, plannerRuns);
        long misses = (status == PolicyStepStatus.DeadlineMissed ? 1 : 0) + plannerMisses;
        if (misses > 0) Interlocked.Add(ref _deadlineMisses, misses);

        _policyFailuresInRow = status is PolicyStepStatus.DeadlineMissed or PolicyStepStatus.InferenceFailed ? _policyFailuresInRow + 1 : 0;
        if (plannerRuns > 0) _plannerFailuresInRow = plannerFailures > 0 ? _plannerFailuresInRow + 1 : 0;
        long backoffNs = _options.ReloadBackoff.Ticks * 100;
        if (_policyFailuresInRow >= _options.ReloadAfterFailures && nowNs - _lastPolicyReloadNs >= backoffNs && Volatile.Read(ref _reloadsInFlight) == 0)
        {
            _policyFailuresInRow = 0;
            _lastPolicyReloadNs = nowNs;
            Interlocked.Increment(ref _reloadsInFlight);
            _ = Load(_policyManifest, reload: true);
        }

        if (_plannerFailuresInRow >= _options.ReloadAfterFailures && nowNs - _lastPlannerReloadNs >= backoffNs && Volatile.Read(ref _reloadsInFlight) == 0)
        {
            _plannerFailuresInRow = 0;
            _lastPlannerReloadNs = nowNs;
            Interlocked.Increment(ref _reloadsInFlight);
            _ = Load(_plannerManifest, reload: true);
        }
    }

    private sealed record PendingSwap(string Path, ModelHost Host, PolicyRunner? Runner, bool Reload, TaskCompletionSource Done);
}
