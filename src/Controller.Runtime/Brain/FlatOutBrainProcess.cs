using Controller.Brain.Hosting;
using Controller.Brain.Manifests;
using Controller.Pipeline.Memory;
using Controller.Pipeline.Messages;
using Controller.Pipeline.Rings;
using Controller.Pipeline.Time;
using Controller.Runtime.Configuration;

namespace Controller.Runtime.Brain;

/// <summary>
/// <c>robotctl brain serve --flat-out</c>: the brain process's inference load without the task (<see cref="FlatOutBrain"/>
/// on the configuration's planner and policy), attached to the chunk ring (its producer end's heartbeat, as a real
/// brain) and the status mailbox (its step counts and rates). What <c>robotctl bench brain</c> runs in a child process
/// to measure the out-of-process placement's cost to the loop against the same load in process.
/// </summary>
public sealed class FlatOutBrainProcess : IDisposable
{
    private readonly List<IDisposable> _owned = [];
    private readonly SpscProducer<ActionChunk> _producer = null!;
    private readonly BrainStatusPublisher _status = null!;
    private readonly Thread _thread = null!;

    private FlatOutBrainProcess(RobotConfig config, BrainRegionPaths paths, BrainOptions options, TimeSpan attachTimeout)
    {
        if (config.Brain is not { Planner: { } plannerPath, Policy: { } policyPath })
            throw new ArgumentException($"brain serve: the configuration '{config.File}' names no brain.planner and brain.policy");
        try
        {
            string planner = config.Resolve(plannerPath), policy = config.Resolve(policyPath);
            if (options.ModelManifest is { } replacement)
            {
                if (ManifestParser.Load(replacement).Kind == ManifestKind.Planner) planner = replacement;
                else policy = replacement;
            }

            var deadline = DateTime.UtcNow + attachTimeout;
            var ring = Own(WaitFor(paths.Chunks, p => SpscRing<ActionChunk>.OpenShared(p), deadline));
            var status = Own(WaitFor(paths.Status, LatestValue<SharedBrainStatus>.OpenShared, deadline));
            var plannerHost = Own(ModelHost.Create(ManifestParser.Load(planner)));
            var policyHost = Own(ModelHost.Create(ManifestParser.Load(policy)));
            _producer = Own(ring.TakeProducer());
            Brain = new FlatOutBrain(policyHost, plannerHost, _producer);
            _status = Own(new BrainStatusPublisher(Own(status.TakeWriter()), FillStatus, TimeSpan.FromMilliseconds(100)));
            _thread = new Thread(Brain.Run) { IsBackground = true, Name = "brain-flat-out" };
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    /// <summary>The load being run.</summary>
    public FlatOutBrain Brain { get; } = null!;

    /// <summary>True once the process that created the chunk ring (its consumer) has exited. Any thread.</summary>
    public bool RuntimeExited => _producer.ConsumerStatus(MonotonicClock.Now(), long.MaxValue) is PeerStatus.ProcessExited or PeerStatus.NotAttached;

    /// <summary>Opens the files of <paramref name="paths"/> (waiting up to <paramref name="attachTimeout"/>) and loads the configuration's models.</summary>
    /// <exception cref="ArgumentException">The configuration names no brain.</exception>
    /// <exception cref="FileNotFoundException">The files did not appear in time.</exception>
    /// <exception cref="ManifestException">A model is wrong.</exception>
    public static FlatOutBrainProcess Attach(RobotConfig config, BrainRegionPaths paths, BrainOptions? options = null, TimeSpan? attachTimeout = null) =>
        new(config, paths, options ?? new BrainOptions(), attachTimeout ?? TimeSpan.FromSeconds(10));

    /// <summary>Starts stepping flat out and publishing the counts.</summary>
    public void Start()
    {
        _thread.Start();
        _status.Start();
    }

    /// <summary>Stops the load and detaches.</summary>
    public void Dispose()
    {
        Brain?.Stop();
        if (_thread is { IsAlive: true }) _thread.Join();
        for (int i = _owned.Count - 1; i >= 0; i--) _owned[i].Dispose();
        _owned.Clear();
    }

    private void FillStatus(ref SharedBrainStatus status)
    {
        status.Skill = "flat-out";
        status.PlannerRuns = Brain.PlannerSteps;
        status.PolicyCalls = Brain.PolicySteps;
    }

    private T Own<T>(T item) where T : IDisposable
    {
        _owned.Add(item);
        return item;
    }

    private static T WaitFor<T>(string path, Func<string, T> open, DateTime deadline)
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

            if (DateTime.UtcNow > deadline) throw new FileNotFoundException($"brain serve: nothing published '{path}' in time", path);
            Thread.Sleep(20);
        }
    }
}
