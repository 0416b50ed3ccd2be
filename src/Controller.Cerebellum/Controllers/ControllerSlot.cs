using Controller.Cerebellum.Loop;
using Controller.Pipeline.Messages;

namespace Controller.Cerebellum.Controllers;

/// <summary>
/// The place in the cycle where the active controller runs, and where a switch happens. A new controller is
/// built and handed over off the loop thread (<see cref="Prepare"/>); the loop commits it at the start of its
/// next cycle with one atomic exchange, activates it bumplessly from that cycle's measured state, and parks the
/// old one for the non-real-time side to collect (<see cref="TakeRetired"/>). The loop thread never allocates,
/// locks or waits for a switch, so no switch can cause an overrun beyond the new controller's own first cycle.
/// </summary>
public sealed class ControllerSlot
{
    private ICycleController? _pending;
    private ICycleController? _retired;
    private ICycleController? _active;
    private long _switches;

    /// <summary>Creates a slot; with no controller the slot commands a hold.</summary>
    public ControllerSlot(ICycleController? initial = null) => _pending = initial;

    /// <summary>The controller running now (loop thread's view).</summary>
    public ICycleController? Active => Volatile.Read(ref _active);

    /// <summary>Switches committed so far.</summary>
    public long Switches => Volatile.Read(ref _switches);

    /// <summary>
    /// Hands <paramref name="next"/> to the loop; it takes effect at the start of the next cycle. Any thread.
    /// Returns a controller that was prepared earlier but not yet committed (it will never run), or null.
    /// </summary>
    public ICycleController? Prepare(ICycleController next)
    {
        ArgumentNullException.ThrowIfNull(next);
        return Interlocked.Exchange(ref _pending, next);
    }

    /// <summary>Takes the controller the last switch replaced, for disposal off the loop thread; null when none.</summary>
    public ICycleController? TakeRetired() => Interlocked.Exchange(ref _retired, null);

    /// <summary>
    /// Loop thread, once per cycle: commits a prepared switch (activating the new controller from
    /// <paramref name="measured"/>), then runs the active controller. With none, commands a hold.
    /// </summary>
    public void Update(in CycleTime time, in JointState measured, ref JointCommand command)
    {
        var next = Interlocked.Exchange(ref _pending, null);
        if (next != null)
        {
            next.Activate(time, measured);
            // A retired controller nobody collected yet is dropped here; its finaliser, if any, runs off the loop.
            Volatile.Write(ref _retired, _active);
            Volatile.Write(ref _active, next);
            Volatile.Write(ref _switches, _switches + 1);
        }
        if (_active != null)
        {
            _active.Update(time, measured, ref command);
        }
        else
        {
            command.Header = new MessageHeader(time.Cycle, time.NowNs);
            command.JointCount = measured.JointCount;
            command.Mode = ControlMode.Hold;
        }
    }
}
