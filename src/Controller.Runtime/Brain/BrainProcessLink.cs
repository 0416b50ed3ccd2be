using Controller.Pipeline.Memory;
using Controller.Pipeline.Messages;
using Controller.Pipeline.Rings;
using Controller.Pipeline.Time;
using Controller.Runtime.Simulation;

namespace Controller.Runtime.Brain;

/// <summary>
/// The runtime's side of an out-of-process brain, on its own low-rate thread (never the loop's): publishes the
/// instruction and the scene's boxes into the shared scene mailbox, and watches the brain's heartbeat (the chunk
/// ring's producer end). A brain that was alive and is then gone — its process exited, or its heartbeat older than
/// the timeout — is counted once in <see cref="Losses"/>; a brain that attaches (again) is counted in
/// <see cref="Attaches"/>. Holding the robot meanwhile is the safety supervisor's brain watchdog's job: no chunks,
/// and after <c>safety.brain_timeout_ms</c> it stops the robot until chunks come again. It also reads the brain's
/// status mailbox (<see cref="SharedBrainStatus"/>: skill, outcome, counts) into <see cref="Brain"/>.
/// </summary>
public sealed class BrainProcessLink : IDisposable
{
    private readonly SpscRing<ActionChunk> _chunks;
    private readonly LatestValueWriter<SharedBrainScene> _sceneWriter;
    private readonly LatestValue<SharedBrainStatus>? _brainStatus;
    private readonly SimulatedScene? _scene;
    private readonly string _instruction;
    private readonly long _heartbeatTimeoutNs;
    private readonly TimeSpan _period;
    private readonly Thread _thread;
    private volatile bool _stop;
    private long _losses;
    private long _attaches;
    private int _status = (int)PeerStatus.NotAttached;
    private long _statusVersion;
    private BrainProcessStatus? _brain;

    /// <summary>
    /// Watches <paramref name="chunks"/>' producer, publishes into <paramref name="sceneWriter"/> and reads
    /// <paramref name="brainStatus"/> (when given) every <paramref name="period"/>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A non-positive timeout or period.</exception>
    public BrainProcessLink(SpscRing<ActionChunk> chunks, LatestValueWriter<SharedBrainScene> sceneWriter, SimulatedScene? scene, string instruction,
        long heartbeatTimeoutNs, TimeSpan period, LatestValue<SharedBrainStatus>? brainStatus = null)
    {
        _brainStatus = brainStatus;
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(heartbeatTimeoutNs, 0);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(period, TimeSpan.Zero);
        _chunks = chunks;
        _sceneWriter = sceneWriter;
        _scene = scene;
        _instruction = instruction;
        _heartbeatTimeoutNs = heartbeatTimeoutNs;
        _period = period;
        _thread = new Thread(Run) { IsBackground = true, Name = "brain-link" };
        Publish(); // the instruction is there before a brain can attach
    }

    /// <summary>Times a brain that was alive was lost (process exited or heartbeat stale). Any thread.</summary>
    public long Losses => Volatile.Read(ref _losses);

    /// <summary>Times a brain process attached, the first included. Any thread.</summary>
    public long Attaches => Volatile.Read(ref _attaches);

    /// <summary>The brain's status as last seen. Any thread.</summary>
    public PeerStatus Status => (PeerStatus)Volatile.Read(ref _status);

    /// <summary>The instruction published to the brain.</summary>
    public string Instruction => _instruction;

    /// <summary>
    /// What the brain process last published about itself (skill, outcome, counts), or null before any brain has.
    /// A lost brain's last status stays until a new one publishes. Any thread.
    /// </summary>
    public BrainProcessStatus? Brain => Volatile.Read(ref _brain);

    /// <summary>Starts the link thread.</summary>
    public void Start() => _thread.Start();

    /// <summary>Stops the link thread (the shared files are the runtime's to release).</summary>
    public void Dispose()
    {
        _stop = true;
        if (_thread.IsAlive) _thread.Join();
    }

    /// <summary>One round: publish the scene, look at the brain. Called by the thread; tests may call it directly.</summary>
    internal void Poll(long nowNs)
    {
        Publish();
        PeerStatus now = _chunks.ProducerStatus(nowNs, _heartbeatTimeoutNs);
        var before = (PeerStatus)_status;
        if (now == PeerStatus.Alive && before != PeerStatus.Alive) Interlocked.Increment(ref _attaches);
        if (now != PeerStatus.Alive && before == PeerStatus.Alive) Interlocked.Increment(ref _losses);
        Volatile.Write(ref _status, (int)now);
        ReadBrainStatus();
    }

    // Only a new version is turned into a snapshot: the strings are built about ten times a second, off the loop.
    private void ReadBrainStatus()
    {
        if (_brainStatus is null || _brainStatus.Version == _statusVersion) return;
        if (_brainStatus.TryRead(out SharedBrainStatus status, out long version) != MailboxReadStatus.Success) return;
        _statusVersion = version;
        Volatile.Write(ref _brain, status.ToSnapshot());
    }

    private void Run()
    {
        while (!_stop)
        {
            Poll(MonotonicClock.Now());
            Thread.Sleep(_period);
        }
    }

    private void Publish()
    {
        var message = new SharedBrainScene { Instruction = _instruction };
        if (_scene is not null)
        {
            foreach (SceneObject o in _scene.Objects) message.TryAdd(o.Name, o.Min, o.Max);
        }

        _sceneWriter.Write(in message);
    }
}
