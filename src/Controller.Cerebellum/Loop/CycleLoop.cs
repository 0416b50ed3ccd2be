using Controller.Pipeline.Messages;
using Controller.Pipeline.Rings;

namespace Controller.Cerebellum.Loop;

/// <summary>
/// The cerebellum's cycle: wait for the next absolute deadline, then <c>Read → Update → Write</c> on
/// <typeparamref name="TBody"/> with one clock reading, then record lateness and compute time. A cycle whose
/// work runs past the next deadline is an overrun; the schedule then skips the deadlines already missed
/// instead of bursting to catch up, so a spike costs one late cycle, not a train of short ones.
/// </summary>
/// <typeparam name="TBody">The cycle's work. A struct type argument is specialised by the JIT: no interface call per phase.</typeparam>
public sealed class CycleLoop<TBody> where TBody : ICycleBody
{
    private static readonly double[] PublishedFractions = [0.50, 0.99];

    private readonly IPacer _pacer;
    private readonly LatestValueWriter<LoopStatistics>? _statistics;
    private TBody _body;
    private long _nextDeadlineNs;
    private long _lastWakeNs;
    private long _statisticsSequence;
    private volatile bool _stopRequested;

    /// <summary>Creates a loop; nothing runs until <see cref="Run"/> or <see cref="RunCycles"/>.</summary>
    /// <param name="body">The work of each cycle.</param>
    /// <param name="pacer">What paces the cycles.</param>
    /// <param name="options">Rate and statistics interval.</param>
    /// <param name="statistics">Where to publish statistics every <see cref="LoopOptions.StatisticsEveryCycles"/> cycles, or null.</param>
    public CycleLoop(TBody body, IPacer pacer, LoopOptions options, LatestValueWriter<LoopStatistics>? statistics = null)
    {
        _body = body;
        _pacer = pacer ?? throw new ArgumentNullException(nameof(pacer));
        Options = options ?? throw new ArgumentNullException(nameof(options));
        _statistics = statistics;
    }

    /// <summary>The cycle body as the loop holds it (a struct body is the loop's own copy).</summary>
    public ref readonly TBody Body => ref _body;

    /// <summary>The loop's configuration.</summary>
    public LoopOptions Options { get; }

    /// <summary>Wake-up lateness per cycle: wake time minus deadline (ns).</summary>
    public LatencyHistogram Lateness { get; } = new();

    /// <summary>Read + Update + Write time per cycle (ns).</summary>
    public LatencyHistogram Compute { get; } = new();

    /// <summary>Cycles completed.</summary>
    public long Cycles { get; private set; }

    /// <summary>Cycles whose work ended after the next deadline.</summary>
    public long Overruns { get; private set; }

    /// <summary>Deadlines skipped because an overrun had already passed them.</summary>
    public long SkippedDeadlines { get; private set; }

    /// <summary>Runs cycles until <see cref="RequestStop"/> is called (from any thread); returns after the cycle in progress.</summary>
    public void Run()
    {
        Begin();
        while (!_stopRequested) Step();
    }

    /// <summary>
    /// Runs exactly <paramref name="count"/> cycles on the calling thread (tests, benchmarks). The schedule is
    /// anchored at the current time on each call, so a pause between calls is not counted as lateness.
    /// </summary>
    public void RunCycles(long count)
    {
        Begin();
        for (long i = 0; i < count; i++) Step();
    }

    /// <summary>Forgets the statistics gathered so far (after a warm-up); call it from the loop's own thread.</summary>
    public void ResetStatistics()
    {
        Lateness.Reset();
        Compute.Reset();
        Overruns = 0;
        SkippedDeadlines = 0;
    }

    /// <summary>Asks <see cref="Run"/> to return after the current cycle.</summary>
    public void RequestStop() => _stopRequested = true;

    /// <summary>The figures so far as the pipeline's message (also what is published). No allocation.</summary>
    public LoopStatistics Snapshot(long nowNs)
    {
        Span<long> lateness = stackalloc long[2];
        Span<long> compute = stackalloc long[2];
        Lateness.Percentiles(PublishedFractions, lateness);
        Compute.Percentiles(PublishedFractions, compute);
        return new LoopStatistics
        {
            Header = new MessageHeader(_statisticsSequence, nowNs),
            Cycles = Cycles,
            Overruns = Overruns,
            PeriodNs = Options.PeriodNs,
            LatenessP50Ns = lateness[0],
            LatenessP99Ns = lateness[1],
            LatenessMaxNs = Lateness.Max,
            ComputeP50Ns = compute[0],
            ComputeP99Ns = compute[1],
            ComputeMaxNs = Compute.Max,
        };
    }

    private void Begin()
    {
        _stopRequested = false;
        long now = _pacer.NowNs();
        _lastWakeNs = now;
        _nextDeadlineNs = now + Options.PeriodNs;
    }

    private void Step()
    {
        long period = Options.PeriodNs;
        long deadline = _pacer.AdjustDeadlineNs(_nextDeadlineNs);
        long wake = _pacer.WaitUntil(deadline);
        long measuredPeriod = Cycles == 0 ? period : wake - _lastWakeNs;
        var time = new CycleTime(Cycles, wake, deadline, period, measuredPeriod);

        _body.Read(time);
        _body.Update(time);
        _body.Write(time);

        long done = _pacer.NowNs();
        Lateness.Record(wake - deadline);
        Compute.Record(done - wake);
        _lastWakeNs = wake;
        Cycles++;

        long next = deadline + period;
        if (done > next)
        {
            Overruns++;
            // Skip to the first deadline still ahead rather than running the missed cycles back to back.
            long missed = (done - next) / period + 1;
            SkippedDeadlines += missed;
            next += missed * period;
        }
        _nextDeadlineNs = next;

        if (_statistics != null && Cycles % Options.StatisticsEveryCycles == 0)
        {
            _statisticsSequence++;
            _statistics.Write(Snapshot(done));
        }
    }
}
