using System.Diagnostics;
using Controller.Brain.Hosting;
using Controller.Brain.Perception;
using Controller.Pipeline.Messages;
using Controller.Pipeline.Rings;
using Controller.Pipeline.Time;

namespace Controller.Runtime.Brain;

/// <summary>
/// The brain's inference load with nothing waiting between steps, for measuring what the brain does to the loop
/// (<c>robotctl bench brain</c>): the policy (state assembly + run) as fast as it goes, and the planner (camera
/// render + instruction + run) once per five policy steps, their 2 Hz : 10 Hz ratio. The same work in process (a
/// thread beside the loop) and out of process (<c>robotctl brain serve --flat-out</c>), so the two placements are
/// compared on equal terms. When given a chunk producer it beats its heartbeat each step, as the real brain does.
/// </summary>
public sealed class FlatOutBrain(ModelHost policy, ModelHost planner, SpscProducer<ActionChunk>? heartbeat = null)
{
    private volatile bool _stop;
    private long _plannerSteps;
    private long _policySteps;
    private long _elapsedTicks;

    /// <summary>Planner steps so far. Any thread.</summary>
    public long PlannerSteps => Volatile.Read(ref _plannerSteps);

    /// <summary>Policy steps so far. Any thread.</summary>
    public long PolicySteps => Volatile.Read(ref _policySteps);

    /// <summary>Seconds <see cref="Run"/> has been running (final once it returned). Any thread.</summary>
    public double ElapsedSeconds => Volatile.Read(ref _elapsedTicks) / (double)Stopwatch.Frequency;

    /// <summary>Makes <see cref="Run"/> return after its current step.</summary>
    public void Stop() => _stop = true;

    /// <summary>Steps until <see cref="Stop"/>; call on the thread that should carry the load.</summary>
    public void Run()
    {
        int joints = (int)policy.Manifest.Inputs.First(i => i.Feature == "observation.state").Shape[^1];
        var policyObservation = new ObservationAssembler(policy, joints);
        var plannerObservation = new ObservationAssembler(planner, joints);
        var camera = new TopDownCamera();
        var pixels = new byte[camera.FrameBytes];
        SceneBox[] scene = [SceneBox.Named("red_cube", [0.25, 0.05, 0], [0.28, 0.08, 0.03])];
        var state = new JointState { JointCount = joints };
        long start = Stopwatch.GetTimestamp();
        while (!_stop)
        {
            heartbeat?.Heartbeat(MonotonicClock.Now());
            if (_policySteps % 5 == 0)
            {
                plannerObservation.SetImage("observation.images.top", camera.Render(scene, pixels, Stopwatch.GetTimestamp() - start));
                plannerObservation.SetTask("put the red cube in the bin");
                planner.Run();
                Interlocked.Increment(ref _plannerSteps);
            }

            policyObservation.SetState(in state);
            policy.Run();
            Interlocked.Increment(ref _policySteps);
            Volatile.Write(ref _elapsedTicks, Stopwatch.GetTimestamp() - start);
        }
    }
}
