using Controller.Pipeline.Rings;
using Controller.Pipeline.Time;

namespace Controller.Runtime.Brain;

/// <summary>
/// The brain process's side of <see cref="SharedBrainStatus"/>: on its own low-rate thread (never the brain's), fills
/// a status from the brain (<see cref="Fill"/>), adds the rates over the last second, the pid and the clock, and
/// writes it into the shared mailbox. <see cref="PublishNow"/> publishes once more, e.g. just before exiting.
/// </summary>
public sealed class BrainStatusPublisher : IDisposable
{
    private const long RateWindowNs = 1_000_000_000;
    private readonly LatestValueWriter<SharedBrainStatus> _writer;
    private readonly Fill _fill;
    private readonly TimeSpan _period;
    private readonly Thread _thread;
    private readonly object _gate = new();
    private volatile bool _stop;
    private long _windowStartNs;
    private long _windowPlannerRuns;
    private long _windowPolicyCalls;
    private double _plannerHz;
    private double _policyHz;

    /// <summary>Writes the brain's skill, task outcome and counts into <paramref name="status"/> (rates, pid and clock are the publisher's).</summary>
    public delegate void Fill(ref SharedBrainStatus status);

    /// <summary>Publishes what <paramref name="fill"/> gives into <paramref name="writer"/> every <paramref name="period"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A non-positive period.</exception>
    public BrainStatusPublisher(LatestValueWriter<SharedBrainStatus> writer, Fill fill, TimeSpan period)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(period, TimeSpan.Zero);
        _writer = writer;
        _fill = fill;
        _period = period;
        _thread = new Thread(Run) { IsBackground = true, Name = "brain-status" };
    }

    /// <summary>Starts the publishing thread.</summary>
    public void Start() => _thread.Start();

    /// <summary>Fills and publishes one status now. Any thread.</summary>
    public void PublishNow()
    {
        lock (_gate)
        {
            long now = MonotonicClock.Now();
            var status = default(SharedBrainStatus);
            _fill(ref status);
            if (_windowStartNs == 0)
            {
                (_windowStartNs, _windowPlannerRuns, _windowPolicyCalls) = (now, status.PlannerRuns, status.PolicyCalls);
            }
            else if (now - _windowStartNs >= RateWindowNs)
            {
                double seconds = (now - _windowStartNs) * 1e-9;
                _plannerHz = (status.PlannerRuns - _windowPlannerRuns) / seconds;
                _policyHz = (status.PolicyCalls - _windowPolicyCalls) / seconds;
                (_windowStartNs, _windowPlannerRuns, _windowPolicyCalls) = (now, status.PlannerRuns, status.PolicyCalls);
            }

            status.PlannerHz = _plannerHz;
            status.PolicyHz = _policyHz;
            status.ProcessId = Environment.ProcessId;
            status.PublishedNs = now;
            _writer.Write(in status);
            _writer.Heartbeat(now);
        }
    }

    /// <summary>Stops the thread after a last publish (the writer is its owner's to release).</summary>
    public void Dispose()
    {
        _stop = true;
        if (_thread.IsAlive) _thread.Join();
        PublishNow();
    }

    private void Run()
    {
        while (!_stop)
        {
            PublishNow();
            Thread.Sleep(_period);
        }
    }
}
