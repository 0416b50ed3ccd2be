using Controller.Cerebellum.Loop;
using Controller.Pipeline.Time;

namespace Controller.Cli.Bench;

/// <summary>
/// Wraps a cycle body and times its phases apart, so <c>bench loop</c> can report the control step (Update: controllers,
/// model feed-forward, safety supervisor) separately from the bus I/O (Read + Write: the drivers' wire exchanges and
/// waits for replies). The loop's own compute figure is their sum plus a few clock readings. One clock reading per phase
/// boundary, recorded into fixed-memory histograms: no allocation per cycle.
/// </summary>
/// <typeparam name="TBody">The body timed.</typeparam>
public struct LoopBodyPhaseTimer<TBody> : ICycleBody where TBody : ICycleBody
{
    private TBody _body;
    private long _readNs;

    /// <summary>Wraps <paramref name="body"/>.</summary>
    public LoopBodyPhaseTimer(TBody body)
    {
        _body = body;
        _readNs = 0;
    }

    /// <summary>Update time per cycle (ns): the control step.</summary>
    public LatencyHistogram UpdateTimes { get; } = new();

    /// <summary>Read + Write time per cycle (ns): the bus I/O.</summary>
    public LatencyHistogram BusIoTimes { get; } = new();

    /// <summary>
    /// The loop thread's CPU time per <c>Update</c> (<see cref="ThreadCpuClock"/>): the control step without the time the
    /// thread was preempted by the twins and the plant sharing its cores. Empty where the clock cannot be read.
    /// </summary>
    public LatencyHistogram UpdateCpuTimes { get; } = new();

    /// <summary>Read time per cycle (ns).</summary>
    public LatencyHistogram ReadTimes { get; } = new();

    /// <summary>Write time per cycle (ns).</summary>
    public LatencyHistogram WriteTimes { get; } = new();

    /// <summary>Forgets the figures gathered so far (after a warm-up); the loop's thread only.</summary>
    public readonly void Reset()
    {
        UpdateTimes.Reset();
        UpdateCpuTimes.Reset();
        BusIoTimes.Reset();
        ReadTimes.Reset();
        WriteTimes.Reset();
    }

    /// <inheritdoc />
    public void Read(in CycleTime time)
    {
        long start = MonotonicClock.Now();
        _body.Read(time);
        _readNs = MonotonicClock.Now() - start;
        ReadTimes.Record(_readNs);
    }

    /// <inheritdoc />
    public void Update(in CycleTime time)
    {
        long cpuStart = ThreadCpuClock.NowNs();
        long start = MonotonicClock.Now();
        _body.Update(time);
        UpdateTimes.Record(MonotonicClock.Now() - start);
        if (cpuStart >= 0) UpdateCpuTimes.Record(ThreadCpuClock.NowNs() - cpuStart);
    }

    /// <inheritdoc />
    public void Write(in CycleTime time)
    {
        long start = MonotonicClock.Now();
        _body.Write(time);
        long writeNs = MonotonicClock.Now() - start;
        WriteTimes.Record(writeNs);
        BusIoTimes.Record(_readNs + writeNs);
    }
}
