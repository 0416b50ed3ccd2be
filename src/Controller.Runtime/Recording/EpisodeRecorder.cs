using Controller.Pipeline.Messages;
using Controller.Pipeline.Rings;
using Controller.Pipeline.Time;

namespace Controller.Runtime.Recording;

/// <summary>
/// Records a running robot into an episode file from its own thread: every <c>1 / StateRateHz</c> it samples the
/// latest state, command and wrench the loop published, drains the safety events and chunk summaries, and notes
/// changes of the brain's skill, the buses' states and the loop's statistics. The loop only writes mailboxes and
/// rings it writes anyway, so recording costs it no allocation and no lock. A write failure (disk full) stops the
/// recording, not the robot: see <see cref="Failure"/>.
/// </summary>
public sealed class EpisodeRecorder : IDisposable
{
    private const int LoopEveryTicks = 10;
    private readonly RecorderSources _sources;
    private readonly RecordingOptions _options;
    private readonly Func<long, EpisodeHeader> _header;
    private readonly Dictionary<string, (string State, long Faults)> _buses = [];
    private readonly SafetyEvent[] _events = new SafetyEvent[64];
    private FileStream? _file;
    private EpisodeWriter? _writer;
    private Thread? _thread;
    private volatile bool _stop;
    private long _startNs;
    private long _stateVersion;
    private long _wrenchVersion;
    private long _loopVersion;
    private long _ticks;
    private (string Task, string Skill)? _brain;
    private int _closed;

    /// <summary>
    /// Prepares a recording and creates its file (so that an unwritable path fails before the robot moves); the header
    /// and records are written from <see cref="Start"/>.
    /// </summary>
    /// <param name="options">Where and how fast.</param>
    /// <param name="sources">What to read.</param>
    /// <param name="header">Builds the header from the start's monotonic time.</param>
    /// <exception cref="ArgumentException">An option is out of range.</exception>
    /// <exception cref="IOException">The file cannot be created.</exception>
    /// <exception cref="UnauthorizedAccessException">The file's folder is not writable.</exception>
    public EpisodeRecorder(RecordingOptions options, RecorderSources sources, Func<long, EpisodeHeader> header)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        _sources = sources ?? throw new ArgumentNullException(nameof(sources));
        _header = header ?? throw new ArgumentNullException(nameof(header));
        string? folder = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(options.Path));
        if (folder is not null)
        {
            Directory.CreateDirectory(folder);
        }

        _file = new FileStream(options.Path, FileMode.Create, FileAccess.Write, FileShare.Read, bufferSize: 64 * 1024);
    }

    /// <summary>The episode file.</summary>
    public string Path => _options.Path;

    /// <summary>Records written so far.</summary>
    public long RecordCount => _writer?.RecordCount ?? 0;

    /// <summary>Why recording stopped early (a write failed), or null.</summary>
    public string? Failure { get; private set; }

    /// <summary>Writes the header (time zero is now) and starts the recorder thread.</summary>
    /// <exception cref="IOException">The header cannot be written.</exception>
    public void Start()
    {
        _startNs = MonotonicClock.Now();
        _writer = EpisodeWriter.Over(_file!, _header(_startNs), _options.FlushEveryRecords);
        _file = null;
        _thread = new Thread(Run) { IsBackground = true, Name = "recorder" };
        _thread.Start();
    }

    /// <summary>Stops the thread, takes what the pipeline still holds, and closes the file cleanly. Safe to call twice.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _closed, 1) != 0)
        {
            return;
        }

        _stop = true;
        _thread?.Join();
        if (_writer is null)
        {
            // Never started: the robot did not run, so the empty file is not left behind posing as an episode.
            _file?.Dispose();
            File.Delete(_options.Path);
            return;
        }

        Guarded(Poll);
        try
        {
            _writer.Dispose();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ObjectDisposedException)
        {
            Failure ??= $"recording to '{_options.Path}' could not be closed: {e.Message}";
        }
    }

    /// <summary>One sampling pass: everything new since the last one goes to the file.</summary>
    internal void Poll()
    {
        EpisodeWriter writer = _writer!;
        long now = MonotonicClock.Now();
        if (_sources.State.TryRead(out JointState state, out long version) == MailboxReadStatus.Success && version != _stateVersion)
        {
            _stateVersion = version;
            int n = Math.Clamp(state.JointCount, 0, MessageLimits.MaxJoints);
            double[] command = [];
            if (_sources.Command?.TryRead(out JointCommand written) == MailboxReadStatus.Success && written.JointCount == n)
            {
                command = ((ReadOnlySpan<double>)written.Position)[..n].ToArray();
            }

            writer.Write(new StateRecord(state.Header.TimestampNs - _startNs, state.Header.Sequence, ((ReadOnlySpan<double>)state.Position)[..n].ToArray(),
                ((ReadOnlySpan<double>)state.Velocity)[..n].ToArray(), ((ReadOnlySpan<double>)state.Effort)[..n].ToArray(), command));
        }

        if (_sources.Wrench?.TryRead(out Wrench w, out long wrenchVersion) == MailboxReadStatus.Success && wrenchVersion != _wrenchVersion)
        {
            _wrenchVersion = wrenchVersion;
            writer.Write(new WrenchRecord(now - _startNs, [w.ForceXN, w.ForceYN, w.ForceZN], [w.TorqueXNm, w.TorqueYNm, w.TorqueZNm]));
        }

        DrainEvents(writer);
        DrainChunks(writer);
        DrainModelCalls(writer);
        NoteBrain(writer, now);
        NoteBuses(writer, now);
        if (_ticks++ % LoopEveryTicks == 0 || _stop)
        {
            NoteLoop(writer, now);
        }
    }

    private void DrainEvents(EpisodeWriter writer)
    {
        if (_sources.SafetyEvents is not { } events)
        {
            return;
        }

        int count;
        while ((count = events.Drain(_events)) > 0)
        {
            for (int i = 0; i < count; i++)
            {
                ref SafetyEvent e = ref _events[i];
                writer.Write(new SafetyEventRecord(e.Header.TimestampNs - _startNs, e.Header.Sequence, e.Kind.ToString(), e.Reaction.ToString(), e.Source, e.Value, e.Limit));
            }
        }
    }

    private void DrainChunks(EpisodeWriter writer)
    {
        if (_sources.Chunks is not { } chunks)
        {
            return;
        }

        while (chunks.TryRead(out ChunkSummary c))
        {
            int n = Math.Clamp(c.Dimension, 0, MessageLimits.MaxJoints);
            var first = new float[n];
            for (int i = 0; i < n; i++)
            {
                first[i] = (float)c.FirstAction[i];
            }

            writer.Write(new ChunkRecord(c.Header.TimestampNs - _startNs, c.Header.Sequence, c.Steps, c.Dimension, c.StepPeriodNs, c.ModelIndex, c.Rejection, first));
        }
    }

    private void DrainModelCalls(EpisodeWriter writer)
    {
        while (_sources.ModelCalls is { } calls && calls.TryTake(_startNs, out ModelCallRecord? call))
        {
            writer.Write(call!);
        }
    }

    private void NoteBrain(EpisodeWriter writer, long now)
    {
        if (_sources.Brain?.Invoke() is not { } brain || brain == _brain)
        {
            return;
        }

        _brain = brain;
        writer.Write(new SkillRecord(now - _startNs, brain.Task, brain.Skill));
    }

    private void NoteBuses(EpisodeWriter writer, long now)
    {
        if (_sources.Buses is null)
        {
            return;
        }

        foreach ((string name, string state, long faults) in _sources.Buses())
        {
            if (_buses.TryGetValue(name, out var seen) && seen == (state, faults))
            {
                continue;
            }

            _buses[name] = (state, faults);
            writer.Write(new FaultRecord(now - _startNs, name, state, faults));
        }
    }

    private void NoteLoop(EpisodeWriter writer, long now)
    {
        if (_sources.Loop?.TryRead(out LoopStatistics s, out long version) != MailboxReadStatus.Success || version == _loopVersion)
        {
            return;
        }

        _loopVersion = version;
        writer.Write(new LoopRecord(now - _startNs, s.Cycles, s.Overruns, s.LatenessP50Ns, s.LatenessP99Ns, s.LatenessMaxNs, s.ComputeP99Ns));
    }

    private void Run()
    {
        long periodNs = (long)(1e9 / _options.StateRateHz);
        long next = MonotonicClock.Now();
        while (!_stop && Failure is null)
        {
            Guarded(Poll);
            next += periodNs;
            long waitNs = next - MonotonicClock.Now();
            if (waitNs > 0)
            {
                Thread.Sleep(TimeSpan.FromTicks(waitNs / 100));
            }
            else
            {
                next = MonotonicClock.Now(); // fell behind (a slow disk): sample from now rather than catch up in a burst
            }
        }
    }

    private void Guarded(Action action)
    {
        if (Failure is not null)
        {
            return;
        }

        try
        {
            action();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ObjectDisposedException)
        {
            Failure = $"recording to '{_options.Path}' stopped: {e.Message}";
        }
    }
}
