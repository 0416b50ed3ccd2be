using System.Diagnostics;
using Microsoft.ML.OnnxRuntime;

namespace Controller.Brain.Hosting;

/// <summary>
/// Terminates a run that passes its deadline: a background thread sets <see cref="RunOptions.Terminate"/>,
/// which ONNX Runtime checks between operators. Arm/disarm are lock- and allocation-free; a state word
/// (idle → armed → firing → fired) decides the race between a run finishing and the watchdog firing, so a
/// late terminate can never hit the next run.
/// </summary>
internal sealed class DeadlineWatchdog : IDisposable
{
    private const int Idle = 0, Armed = 1, Firing = 2, Fired = 3;

    private readonly RunOptions _runOptions;
    private readonly Thread _thread;
    private readonly ManualResetEventSlim _wake = new(false);
    private long _deadlineTimestamp;
    private int _state;
    private volatile bool _stopping;

    public DeadlineWatchdog(RunOptions runOptions)
    {
        _runOptions = runOptions;
        _thread = new Thread(Watch) { IsBackground = true, Name = "brain-deadline-watchdog", Priority = ThreadPriority.AboveNormal };
        _thread.Start();
    }

    /// <summary>Starts watching a run that must end within <paramref name="deadlineNs"/>.</summary>
    public void Arm(long deadlineNs)
    {
        Volatile.Write(ref _deadlineTimestamp, Stopwatch.GetTimestamp() + (long)(deadlineNs * (Stopwatch.Frequency / 1e9)));
        Volatile.Write(ref _state, Armed);
        _wake.Set();
    }

    /// <summary>
    /// Stops watching; returns true when the run is late: the watchdog fired (the run was terminated), or it
    /// had not yet been scheduled but the deadline has passed all the same (a late result is a miss too).
    /// </summary>
    public bool Disarm()
    {
        if (Interlocked.CompareExchange(ref _state, Idle, Armed) == Armed) return Stopwatch.GetTimestamp() > Volatile.Read(ref _deadlineTimestamp);
        // It fired: wait until it has finished setting the flag, then clear it for the next run.
        var spin = new SpinWait();
        while (Volatile.Read(ref _state) != Fired) spin.SpinOnce();
        _runOptions.Terminate = false;
        Volatile.Write(ref _state, Idle);
        return true;
    }

    public void Dispose()
    {
        _stopping = true;
        _wake.Set();
        _thread.Join();
        _wake.Dispose();
    }

    private void Watch()
    {
        while (!_stopping)
        {
            _wake.Wait();
            _wake.Reset();
            // Poll at 0.5 ms granularity while armed; sleeping, never spinning, so the loop's core stays free.
            while (!_stopping && Volatile.Read(ref _state) == Armed)
            {
                if (Stopwatch.GetTimestamp() >= Volatile.Read(ref _deadlineTimestamp)
                    && Interlocked.CompareExchange(ref _state, Firing, Armed) == Armed)
                {
                    _runOptions.Terminate = true;
                    Volatile.Write(ref _state, Fired);
                    break;
                }
                Thread.Sleep(TimeSpan.FromMicroseconds(500));
            }
        }
    }
}
