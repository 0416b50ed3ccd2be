using Controller.Cerebellum.Loop;
using Controller.Pipeline.Time;
using Controller.Robotics.Simulation;

namespace Controller.Runtime.Simulation;

/// <summary>
/// Steps the rigid-body plant in real time on its own thread: one step per period at absolute deadlines, catching
/// up by at most a few steps when the thread was late (counted), so simulated time tracks the wall clock.
/// </summary>
public sealed class PlantStepper : IDisposable
{
    private const int MaxCatchUpSteps = 5;

    private readonly RigidBodyPlant _plant;
    private readonly long _periodNs;
    private readonly Thread _thread;
    private volatile bool _stop;
    private long _lateSteps;
    private long _droppedSteps;

    private readonly Action? _every10Ms;
    private readonly long _callbackEverySteps;

    /// <summary>Prepares the stepper; call <see cref="Start"/>.</summary>
    /// <param name="plant">The plant to step.</param>
    /// <param name="rateHz">Steps per second of wall-clock time.</param>
    /// <param name="every10Ms">Called on the stepping thread about every 10 ms of simulated time (the scene's grasp check).</param>
    public PlantStepper(RigidBodyPlant plant, double rateHz, Action? every10Ms = null)
    {
        _plant = plant;
        _every10Ms = every10Ms;
        _callbackEverySteps = Math.Max(1, (long)Math.Round(rateHz / 100));
        _periodNs = (long)Math.Round(1e9 / rateHz);
        _thread = new Thread(Run) { IsBackground = true, Name = "plant" };
    }

    /// <summary>Steps taken so far.</summary>
    public long Steps => _plant.Steps;

    /// <summary>Steps taken late, to catch up.</summary>
    public long LateSteps => Interlocked.Read(ref _lateSteps);

    /// <summary>Steps skipped because the thread fell more than a few periods behind (simulated time slipped).</summary>
    public long DroppedSteps => Interlocked.Read(ref _droppedSteps);

    /// <summary>Starts stepping.</summary>
    public void Start() => _thread.Start();

    /// <summary>Stops the thread and waits for it.</summary>
    public void Dispose()
    {
        _stop = true;
        if (_thread.IsAlive)
        {
            _thread.Join();
        }
    }

    private void Run()
    {
        SimulationThreads.RaisePriority(SimulationThreads.PlantPriority);
        var pacer = new AbsoluteDeadlinePacer(spinNs: 0);
        double dt = _periodNs * 1e-9;
        long deadline = MonotonicClock.Now() + _periodNs;
        while (!_stop)
        {
            pacer.WaitUntil(deadline);
            long now = MonotonicClock.Now();
            long due = 1 + (now - deadline) / _periodNs;
            if (due > MaxCatchUpSteps)
            {
                Interlocked.Add(ref _droppedSteps, due - MaxCatchUpSteps);
                deadline += (due - MaxCatchUpSteps) * _periodNs;
                due = MaxCatchUpSteps;
            }

            for (long i = 0; i < due; i++)
            {
                _plant.Step(dt);
                if (_every10Ms is not null && _plant.Steps % _callbackEverySteps == 0)
                {
                    _every10Ms();
                }
            }

            if (due > 1)
            {
                Interlocked.Add(ref _lateSteps, due - 1);
            }

            deadline += due * _periodNs;
        }
    }
}
