using Controller.Brain.Hosting;
using Controller.Brain.Perception;
using Controller.Brain.Policies;
using Controller.Brain.Tasks;
using Controller.Pipeline.Messages;

namespace Controller.Runtime.Recording;

/// <summary>
/// Hands each brain model call from the brain thread to the recorder thread. The brain copies what the models were
/// given and answered into one of a fixed set of preallocated slots (no lock, no waiting; arrays reused after the first planner
/// call); the recorder takes the slots in order, PNG-encodes the image and writes <see cref="ModelCallRecord"/>s. A full
/// tap (the recorder fell 32 calls behind) drops the call and counts it (<see cref="Dropped"/>) rather than wait.
/// One producer (the brain thread) and one consumer (the recorder thread).
/// </summary>
public sealed class ModelCallTap
{
    private const int Capacity = 32;
    private readonly Slot[] _slots = new Slot[Capacity];
    private readonly TopDownCamera _camera;
    private readonly string _cameraFeature;
    private long _written;
    private long _read;
    private long _dropped;
    private long _plannerFailures;
    private long _plannerMisses;
    private PolicyRunner? _policy;
    private long _policyPublished;

    /// <summary>A tap whose planner image is rendered by <paramref name="camera"/> into <paramref name="cameraFeature"/>.</summary>
    /// <param name="camera">The camera the brain's task renders with (the in-process brain uses the default one).</param>
    /// <param name="cameraFeature">The planner feature the image feeds.</param>
    public ModelCallTap(TopDownCamera? camera = null, string? cameraFeature = null)
    {
        _camera = camera ?? new TopDownCamera();
        _cameraFeature = cameraFeature ?? new PickAndPlaceOptions().CameraFeature;
        for (int i = 0; i < Capacity; i++)
        {
            _slots[i] = new Slot(_camera.FrameBytes);
        }
    }

    /// <summary>Calls dropped because the recorder had not taken the earlier ones. Any thread.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>
    /// Brain thread, after a task tick: copies the policy call (and the planner call when <paramref name="plannerRan"/>).
    /// The planner's image is the scene rendered again by the same camera at the same instant (the task keeps its own
    /// pixels private), so it is byte for byte what the planner was given before resizing.
    /// </summary>
    /// <param name="task">The task just stepped.</param>
    /// <param name="planState">The joint state the policy was given.</param>
    /// <param name="scene">The scene the camera saw.</param>
    /// <param name="instruction">The instruction the planner was given.</param>
    /// <param name="nowNs">The tick's monotonic time.</param>
    /// <param name="plannerRan">Whether the tick ran the planner.</param>
    public void Capture(PickAndPlaceTask task, in JointState planState, IReadOnlyList<SceneBox> scene, string instruction, long nowNs, bool plannerRan)
    {
        ArgumentNullException.ThrowIfNull(task);
        if (plannerRan && Claim() is { } planner)
        {
            FillPlanner(planner, task, scene, instruction, nowNs);
            Publish();
        }

        if (Claim() is { } policy)
        {
            FillPolicy(policy, task, in planState, nowNs);
            Publish();
        }
    }

    /// <summary>Recorder thread: the oldest call not yet taken, as a record stamped relative to <paramref name="startNs"/>; false when none.</summary>
    public bool TryTake(long startNs, out ModelCallRecord? record)
    {
        record = null;
        if (_read == Volatile.Read(ref _written))
        {
            return false;
        }

        record = _slots[_read % Capacity].ToRecord(startNs);
        Volatile.Write(ref _read, _read + 1);
        return true;
    }

    private Slot? Claim()
    {
        if (_written - Volatile.Read(ref _read) >= Capacity)
        {
            Interlocked.Increment(ref _dropped);
            return null;
        }

        return _slots[_written % Capacity];
    }

    private void Publish() => Volatile.Write(ref _written, _written + 1);

    private void FillPlanner(Slot s, PickAndPlaceTask task, IReadOnlyList<SceneBox> scene, string instruction, long nowNs)
    {
        ModelHost host = task.Planner;
        long failures = task.PlannerFailures, misses = host.DeadlineMisses;
        InferenceStatus status = failures == _plannerFailures ? InferenceStatus.Ok : misses != _plannerMisses ? InferenceStatus.DeadlineMissed : InferenceStatus.Failed;
        (_plannerFailures, _plannerMisses) = (failures, misses);
        s.Reset(ModelCallRecord.PlannerModel, 0, status.ToString(), host.LastRunNs, nowNs, -1);
        s.Instruction = instruction;
        _camera.Render(scene, s.Pixels, nowNs);
        (s.ImageFeature, s.Width, s.Height) = (_cameraFeature, _camera.Width, _camera.Height);
        if (status != InferenceStatus.Ok)
        {
            return;
        }

        s.Skill = task.LastPlannerSkill;
        IReadOnlyList<Controller.Brain.Manifests.PlannerArgument> arguments = host.Manifest.Planner!.Arguments;
        s.EnsureArguments(arguments.Count);
        for (int i = 0; i < arguments.Count; i++)
        {
            ReadOnlySpan<float> values = host.Outputs[arguments[i].Tensor].Floats;
            if (s.ArgumentValues[i].Length < values.Length)
            {
                s.ArgumentValues[i] = new double[values.Length]; // once per slot and planner shape
            }

            for (int k = 0; k < values.Length; k++)
            {
                s.ArgumentValues[i][k] = values[k];
            }

            s.ArgumentNames[i] = arguments[i].Name;
            s.ArgumentCounts[i] = values.Length;
        }

        s.ArgumentCount = arguments.Count;
    }

    private void FillPolicy(Slot s, PickAndPlaceTask task, in JointState planState, long nowNs)
    {
        PolicyRunner runner = task.Policy;
        if (!ReferenceEquals(runner, _policy))
        {
            (_policy, _policyPublished) = (runner, 0);
        }

        PolicyStepStatus status = task.LastPolicyStatus;
        // The runner numbers its chunks 1, 2, … as it publishes them, so the published count is this chunk's sequence.
        long published = runner.Count(PolicyStepStatus.Published);
        long sequence = status == PolicyStepStatus.Published && published != _policyPublished ? published : -1;
        _policyPublished = published;
        s.Reset(ModelCallRecord.PolicyModel, runner.ModelIndex, status.ToString(), runner.Host.LastRunNs, nowNs, sequence);
        int n = Math.Min(planState.JointCount, MessageLimits.MaxJoints);
        ((ReadOnlySpan<double>)planState.Position)[..n].CopyTo(s.State);
        s.StateCount = n;
        ReadOnlySpan<double> goal = task.PolicyGoalRad;
        n = Math.Min(goal.Length, s.Goal.Length);
        goal[..n].CopyTo(s.Goal);
        s.GoalCount = n;
    }

    /// <summary>One call's copy; its arrays are reused call after call.</summary>
    private sealed class Slot(int frameBytes)
    {
        public string Model = "";
        public int ModelIndex;
        public string Status = "";
        public long InferenceNs;
        public long TimeNs;
        public long ChunkSequence;
        public readonly double[] State = new double[MessageLimits.MaxJoints];
        public int StateCount;
        public readonly double[] Goal = new double[MessageLimits.MaxJoints];
        public int GoalCount;
        public string Instruction = "";
        public string Skill = "";
        public readonly byte[] Pixels = new byte[frameBytes];
        public string? ImageFeature;
        public int Width;
        public int Height;
        public string[] ArgumentNames = [];
        public double[][] ArgumentValues = [];
        public int[] ArgumentCounts = [];
        public int ArgumentCount;

        public void Reset(string model, int modelIndex, string status, long inferenceNs, long timeNs, long chunkSequence)
        {
            (Model, ModelIndex, Status, InferenceNs, TimeNs, ChunkSequence) = (model, modelIndex, status, inferenceNs, timeNs, chunkSequence);
            (StateCount, GoalCount, ArgumentCount, Instruction, Skill, ImageFeature) = (0, 0, 0, "", "", null);
        }

        // PNG when SkiaSharp's native library is there; otherwise the raw frame, so a machine without it still records.
        private static ModelCallImage Image(string feature, ReadOnlySpan<byte> rgb, int width, int height)
        {
            try
            {
                return new ModelCallImage(feature, width, height, 3, ModelCallImage.PngEncoding, PngImage.EncodeRgb(rgb, width, height));
            }
            catch (Exception e) when (e is DllNotFoundException or TypeInitializationException or EntryPointNotFoundException or InvalidOperationException)
            {
                return new ModelCallImage(feature, width, height, 3, ModelCallImage.RawEncoding, rgb.ToArray());
            }
        }

        public void EnsureArguments(int count)
        {
            if (ArgumentNames.Length >= count)
            {
                return;
            }

            ArgumentNames = new string[count];
            ArgumentValues = Enumerable.Range(0, count).Select(_ => Array.Empty<double>()).ToArray();
            ArgumentCounts = new int[count];
        }

        public ModelCallRecord ToRecord(long startNs)
        {
            ModelCallImage[] images = ImageFeature is null ? [] : [Image(ImageFeature, Pixels.AsSpan(0, Width * Height * 3), Width, Height)];
            var arguments = new ModelArgument[ArgumentCount];
            for (int i = 0; i < ArgumentCount; i++)
            {
                arguments[i] = new ModelArgument(ArgumentNames[i], ArgumentValues[i].AsSpan(0, ArgumentCounts[i]).ToArray());
            }

            return new ModelCallRecord(TimeNs - startNs, Model, ModelIndex, Status, InferenceNs, State.AsSpan(0, StateCount).ToArray(),
                Goal.AsSpan(0, GoalCount).ToArray(), Instruction, images, Skill, arguments, ChunkSequence);
        }
    }
}
