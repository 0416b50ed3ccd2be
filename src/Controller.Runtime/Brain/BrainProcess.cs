using Controller.Brain.Perception;
using Controller.Cerebellum.Joints;
using Controller.Pipeline.Memory;
using Controller.Pipeline.Messages;
using Controller.Pipeline.Rings;
using Controller.Pipeline.Time;
using Controller.Robotics.Model;
using Controller.Robotics.Urdf;
using Controller.Runtime.Assembly;
using Controller.Runtime.Configuration;

namespace Controller.Runtime.Brain;

/// <summary>
/// The brain in its own process (<c>robotctl brain serve --attach NAME</c>): opens the shared files a runtime with
/// <see cref="BrainPlacement.OutOfProcess"/> created, takes the chunk ring's producer end (taking it over from a brain
/// process that died), and runs the same <see cref="BrainWorker"/> as the in-process placement against the shared
/// joint state, command and scene mailboxes. The worker beats the producer's heartbeat from its own thread.
/// </summary>
public sealed class BrainProcess : IDisposable
{
    private readonly List<IDisposable> _owned = [];
    private readonly SpscProducer<ActionChunk>? _producer;
    private readonly BrainStatusPublisher? _status;

    private BrainProcess(RobotConfig config, BrainRegionPaths paths, BrainOptions options, TimeSpan attachTimeout)
    {
        if (config.Brain is not { Planner: { } planner, Policy: { } policy })
            throw new ArgumentException($"brain serve: the configuration '{config.File}' names no brain.planner and brain.policy");
        try
        {
            // The runtime creates the scene mailbox last and publishes into it at once: once it reads, the rest is there.
            var deadline = DateTime.UtcNow + attachTimeout;
            var scene = Own(OpenWhenThere(paths.Scene, LatestValue<SharedBrainScene>.OpenShared, deadline));
            SharedBrainScene first;
            while (scene.TryRead(out first) != MailboxReadStatus.Success)
            {
                if (DateTime.UtcNow > deadline)
                    throw new FileNotFoundException($"brain serve: the runtime published no scene in '{paths.Scene}' within {attachTimeout.TotalSeconds:F0} s", paths.Scene);
                Thread.Sleep(20);
            }

            Instruction = first.Instruction;
            var state = Own(OpenWhenThere(paths.State, LatestValue<JointState>.OpenShared, deadline));
            var command = Own(OpenWhenThere(paths.Command, LatestValue<JointCommand>.OpenShared, deadline));
            var ring = Own(OpenWhenThere(paths.Chunks, p => SpscRing<ActionChunk>.OpenShared(p), deadline));
            // Taking the end zeroes its heartbeat, which reads as alive until the worker's thread beats: loading the
            // models may take longer than the runtime's stale timeout, and that is not a lost brain.
            var producer = Own(ring.TakeProducer());
            _producer = producer;
            RobotModel model = RobotModel.FromUrdf(UrdfParser.ParseFile(config.UrdfPath));
            JointLimitSet limits = JointLimitsFactory.Build(model, config);
            Worker = new BrainWorker(model, config.Resolve(planner), config.Resolve(policy), producer, state, command,
                boxes => ReadScene(scene, boxes), Instruction, limits, options with { Cameras = config.Cameras }, sceneFromSource: true);
            _owned.Add(Worker);
            var status = Own(OpenWhenThere(paths.Status, LatestValue<SharedBrainStatus>.OpenShared, deadline));
            LatestValueWriter<SharedBrainStatus> statusWriter = Own(status.TakeWriter());
            _status = Own(new BrainStatusPublisher(statusWriter, FillStatus, TimeSpan.FromMilliseconds(100)));
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    /// <summary>The worker driving the task.</summary>
    public BrainWorker Worker { get; } = null!;

    /// <summary>The instruction the runtime published.</summary>
    public string Instruction { get; } = "";

    /// <summary>
    /// Attaches to the runtime's files for <paramref name="paths"/>, waiting up to <paramref name="attachTimeout"/> for
    /// them to appear, and loads the models the configuration names (<see cref="BrainOptions.ModelManifest"/> replaces one).
    /// </summary>
    /// <exception cref="ArgumentException">The configuration names no brain.</exception>
    /// <exception cref="FileNotFoundException">The runtime's files did not appear in time.</exception>
    /// <exception cref="PipelineAttachException">A file holds another layout or message type.</exception>
    /// <exception cref="InvalidOperationException">A live brain process already holds the chunk ring.</exception>
    public static BrainProcess Attach(RobotConfig config, BrainRegionPaths paths, BrainOptions? options = null, TimeSpan? attachTimeout = null) =>
        new(config, paths, options ?? new BrainOptions(), attachTimeout ?? TimeSpan.FromSeconds(10));

    /// <summary>
    /// True once the runtime's process (the chunk ring's consumer) has exited: its files are gone from
    /// <c>/dev/shm</c> or about to be, and nothing reads the chunks any more. Any thread.
    /// </summary>
    public bool RuntimeExited => _producer?.ConsumerStatus(MonotonicClock.Now(), long.MaxValue) is PeerStatus.ProcessExited or PeerStatus.NotAttached;

    /// <summary>Starts the brain thread and the status publisher (skill, outcome, counts to the runtime).</summary>
    public void Start()
    {
        Worker.Start();
        _status?.Start();
    }

    /// <summary>Stops the brain and detaches (the runtime's files stay; the runtime holds the robot).</summary>
    public void Dispose()
    {
        for (int i = _owned.Count - 1; i >= 0; i--) _owned[i].Dispose();
        _owned.Clear();
    }

    private void FillStatus(ref SharedBrainStatus status)
    {
        BrainWorker worker = Worker;
        status.Skill = worker.Skill;
        status.Instruction = Instruction;
        string? failure = worker.Failure;
        status.Failed = failure is null ? 0 : 1;
        status.Failure = failure ?? "";
        status.Done = worker.Done ? 1 : 0;
        var counts = worker.Counts;
        status.PlannerRuns = counts.PlannerRuns;
        status.PolicyCalls = counts.PolicyCalls;
        status.DeadlineMisses = counts.DeadlineMisses;
        status.Swaps = worker.Swaps;
        status.Reloads = worker.Reloads;
    }

    private static void ReadScene(LatestValue<SharedBrainScene> scene, List<SceneBox> boxes)
    {
        if (scene.TryRead(out SharedBrainScene message) == MailboxReadStatus.Success) message.AddBoxesTo(boxes);
    }

    private T Own<T>(T item) where T : IDisposable
    {
        _owned.Add(item);
        return item;
    }

    // A file may exist a moment before its creator has written its header: such an open is retried until the deadline.
    private static T OpenWhenThere<T>(string path, Func<string, T> open, DateTime deadline)
    {
        while (true)
        {
            try
            {
                if (File.Exists(path)) return open(path);
            }
            catch (Exception e) when (e is PipelineAttachException or IOException && DateTime.UtcNow <= deadline)
            {
            }

            if (DateTime.UtcNow > deadline)
                throw new FileNotFoundException($"brain serve: no runtime published '{path}' in time (start `robotctl run --brain-attach NAME` first)", path);
            Thread.Sleep(20);
        }
    }
}
