using Controller.Cerebellum.Joints;
using Controller.Cerebellum.Loop;
using Controller.Pipeline.Messages;
using Controller.Pipeline.Rings;

namespace Controller.Cerebellum.Safety;

/// <summary>
/// The last stage before every write: turns the controllers' command into one that respects the joint
/// limits and the safety state, watches the e-stop line, the brain, the sensors and collisions, and reports
/// every transition as a <see cref="SafetyEvent"/>. <see cref="Apply"/> runs once per cycle on the loop
/// thread and never allocates, locks, logs or throws; the request methods may be called from any thread.
/// </summary>
public sealed partial class SafetySupervisor
{
    private readonly JointLimitSet _limits;
    private readonly SafetyOptions _options;
    private readonly ICollisionResidual? _residual;
    private readonly SafetyEventWriter _events;
    private readonly int[] _staleCycles = new int[MessageLimits.MaxJoints];

    private int _state;
    private int _emergencyStopRequested;
    private int _acknowledged;
    private int _reEnableRequested;
    private int _reducedSpeedRequested;
    private int _brainSilent;
    private long _collisionFirstCycle = -1;
    private bool _collisionReacted;
    private long _lastCollisionReactionCycles = -1;
    private long _refusedReEnables;
    private bool _lineOpen;

    /// <summary>Creates a supervisor for the joints of <paramref name="limits"/>.</summary>
    /// <param name="limits">Every joint's limits, in message order.</param>
    /// <param name="options">Thresholds; validated here.</param>
    /// <param name="events">Where events go; <c>null</c> to only count them.</param>
    /// <param name="collisionResidual">Model-based collision detection (a <see cref="MomentumObserver"/>), or <c>null</c> for the force/torque threshold alone.</param>
    /// <exception cref="ArgumentException">When an argument is null or an option is out of range.</exception>
    public SafetySupervisor(JointLimitSet limits, SafetyOptions options, MpscRing<SafetyEvent>? events = null, ICollisionResidual? collisionResidual = null)
    {
        _limits = limits ?? throw new ArgumentNullException(nameof(limits), "a safety supervisor needs the joint limits.");
        _options = options ?? throw new ArgumentNullException(nameof(options), "a safety supervisor needs its options.");
        options.Validate();
        _residual = collisionResidual;
        _events = new SafetyEventWriter(events);
    }

    /// <summary>The current state (any thread).</summary>
    public SafetyState State => (SafetyState)Volatile.Read(ref _state);

    /// <summary>True while the brain has been silent longer than <see cref="SafetyOptions.BrainTimeoutNs"/>.</summary>
    public bool BrainSilent => Volatile.Read(ref _brainSilent) != 0;

    /// <summary>Cycles between the first cycle a collision was above threshold and the stop (0: same cycle); -1 before any collision.</summary>
    public long LastCollisionReactionCycles => Volatile.Read(ref _lastCollisionReactionCycles);

    /// <summary>Re-enable requests refused because the stop was not acknowledged or its cause was still present.</summary>
    public long RefusedReEnableCount => Volatile.Read(ref _refusedReEnables);

    /// <summary>Commands rejected for a non-finite value.</summary>
    public long RejectedCommandCount => Volatile.Read(ref _rejectedCommands);

    /// <summary>Sequence number of the latest event (0 before the first).</summary>
    public long LastEventSequence => _events.Sequence;

    /// <summary>Events the ring refused because it was full.</summary>
    public long DroppedEventCount => _events.Dropped;

    /// <summary>How many events of <paramref name="kind"/> were raised (each episode once).</summary>
    public long EventCount(SafetyEventKind kind) => _events.Count(kind);

    /// <summary>Requests an emergency stop (any thread); it takes effect in the next <see cref="Apply"/>.</summary>
    public void RequestEmergencyStop() => Interlocked.Exchange(ref _emergencyStopRequested, 1);

    /// <summary>Asks for reduced speed (true) or full speed (false) (any thread); applied from Normal or ReducedSpeed.</summary>
    public void RequestReducedSpeed(bool reduced) => Volatile.Write(ref _reducedSpeedRequested, reduced ? 1 : 0);

    /// <summary>Acknowledges the current stop (any thread); needed before <see cref="ReEnable"/>.</summary>
    public void Acknowledge() => Volatile.Write(ref _acknowledged, 1);

    /// <summary>
    /// Asks to leave a stop or fault (any thread). The next <see cref="Apply"/> returns to Normal (or
    /// ReducedSpeed if requested) only when acknowledged and the cause is gone; otherwise the request is
    /// counted in <see cref="RefusedReEnableCount"/> and the state stays.
    /// </summary>
    public void ReEnable() => Volatile.Write(ref _reEnableRequested, 1);

    /// <summary>
    /// Checks this cycle's inputs, updates the state and rewrites <paramref name="command"/> in place into
    /// what is to be written. Loop thread only; allocation-free and never throws.
    /// </summary>
    /// <returns>The reaction taken this cycle (<see cref="SafetyReaction.None"/> when the command passed unchanged).</returns>
    public SafetyReaction Apply(in CycleTime time, in JointState measured, ref JointCommand command, in SafetyInputs inputs)
    {
        int joints = _limits.Count;
        bool softStop = Interlocked.Exchange(ref _emergencyStopRequested, 0) != 0;
        int staleJoint = UpdateStaleCounters(in measured, joints, out bool allFresh);
        bool collision = DetectCollision(in time, in measured, in command, in inputs, out double collisionValue, out double collisionLimit);
        UpdateBrainWatch(in time, in inputs);
        bool wellFormed = CommandChecks.IsWellFormed(in command, joints);

        if (Interlocked.Exchange(ref _reEnableRequested, 0) != 0)
            TryReEnable(time.NowNs, inputs.EStopInputOpen || softStop || !allFresh || collision || !wellFormed);
        ApplyReducedSpeedRequest(time.NowNs);

        bool lineEdge = inputs.EStopInputOpen != _lineOpen;
        _lineOpen = inputs.EStopInputOpen;
        bool entered = (softStop || inputs.EStopInputOpen)
            && Enter(SafetyState.EmergencyStop, SafetyEventKind.EmergencyStop, SafetyReaction.Hold, -1, inputs.EStopInputOpen ? 1 : 0, 0, time.NowNs);
        // The line's own edges are events too (opening while already stopped, closing again: the operator can now re-enable).
        if (lineEdge && !entered)
            _events.Emit(SafetyEventKind.EmergencyStop, inputs.EStopInputOpen ? SafetyReaction.Hold : SafetyReaction.None, -1,
                inputs.EStopInputOpen ? 1 : 0, 0, time.NowNs);
        if (staleJoint >= 0)
            Enter(SafetyState.ProtectiveStop, SafetyEventKind.CommunicationTimeout, SafetyReaction.ProtectiveStop, staleJoint,
                _staleCycles[staleJoint], _options.StaleSensorCycles, time.NowNs);
        if (collision)
        {
            if (_collisionFirstCycle < 0) _collisionFirstCycle = time.Cycle;
            Enter(SafetyState.ProtectiveStop, SafetyEventKind.Collision, SafetyReaction.ProtectiveStop, -1, collisionValue, collisionLimit, time.NowNs);
            if (!_collisionReacted)
            {
                _collisionReacted = true;
                Volatile.Write(ref _lastCollisionReactionCycles, time.Cycle - _collisionFirstCycle);
            }
        }

        return WriteOutput(in time, in measured, ref command, joints, wellFormed);
    }

    private int UpdateStaleCounters(in JointState measured, int joints, out bool allFresh)
    {
        ulong fresh = measured.FreshMask;
        int first = -1;
        allFresh = true;
        for (int j = 0; j < joints; j++)
        {
            if (((fresh >> j) & 1) != 0)
            {
                _staleCycles[j] = 0;
                continue;
            }
            allFresh = false;
            if (_staleCycles[j] < int.MaxValue) _staleCycles[j]++;
            if (first < 0 && _staleCycles[j] >= _options.StaleSensorCycles) first = j;
        }
        return first;
    }

    private bool DetectCollision(in CycleTime time, in JointState measured, in JointCommand command, in SafetyInputs inputs, out double value, out double limit)
    {
        bool hit = false;
        value = 0;
        limit = 0;
        if (inputs.HasWrench)
        {
            ref readonly Wrench w = ref inputs.Wrench;
            double force = Math.Sqrt(w.ForceXN * w.ForceXN + w.ForceYN * w.ForceYN + w.ForceZN * w.ForceZN);
            double torque = Math.Sqrt(w.TorqueXNm * w.TorqueXNm + w.TorqueYNm * w.TorqueYNm + w.TorqueZNm * w.TorqueZNm);
            // Written as !(x <= limit) so that a non-finite sample counts as a collision.
            if (!(force <= _options.CollisionForceN)) (hit, value, limit) = (true, force, _options.CollisionForceN);
            else if (!(torque <= _options.CollisionTorqueNm)) (hit, value, limit) = (true, torque, _options.CollisionTorqueNm);
        }
        // The observer integrates every cycle, so it is asked even when the wrench has already fired.
        if (_residual is not null && _residual.Exceeded(in time, in measured, in command, out double residual, out double residualLimit) && !hit)
        {
            (hit, value, limit) = (true, residual, residualLimit);
        }
        if (!hit)
        {
            _collisionFirstCycle = -1;
            _collisionReacted = false;
        }
        return hit;
    }

    private void UpdateBrainWatch(in CycleTime time, in SafetyInputs inputs)
    {
        long silentNs = time.NowNs - inputs.LastBrainMessageNs;
        bool silent = silentNs > _options.BrainTimeoutNs;
        if (silent == BrainSilent) return;
        Volatile.Write(ref _brainSilent, silent ? 1 : 0);
        _events.Emit(silent ? SafetyEventKind.BrainSilent : SafetyEventKind.Recovered,
            silent ? SafetyReaction.ProtectiveStop : SafetyReaction.None, -1, silentNs * 1e-9, _options.BrainTimeoutNs * 1e-9, time.NowNs);
    }

    private void TryReEnable(long nowNs, bool causePresent)
    {
        SafetyState state = State;
        if (state is SafetyState.Normal or SafetyState.ReducedSpeed) return;
        if (Volatile.Read(ref _acknowledged) == 0 || causePresent)
        {
            Volatile.Write(ref _refusedReEnables, _refusedReEnables + 1);
            return;
        }
        Volatile.Write(ref _acknowledged, 0);
        SetState(Volatile.Read(ref _reducedSpeedRequested) != 0 ? SafetyState.ReducedSpeed : SafetyState.Normal);
        _events.Emit(SafetyEventKind.Recovered, SafetyReaction.None, -1, (int)state, 0, nowNs);
    }

    private void ApplyReducedSpeedRequest(long nowNs)
    {
        bool reduced = Volatile.Read(ref _reducedSpeedRequested) != 0;
        SafetyState state = State;
        double factor = _options.ReducedSpeedFactor;
        if (state == SafetyState.Normal && reduced)
        {
            SetState(SafetyState.ReducedSpeed);
            _events.Emit(SafetyEventKind.ReducedSpeed, SafetyReaction.Limit, -1, factor, factor, nowNs);
        }
        else if (state == SafetyState.ReducedSpeed && !reduced)
        {
            SetState(SafetyState.Normal);
            _events.Emit(SafetyEventKind.Recovered, SafetyReaction.None, -1, 1, 1, nowNs);
        }
    }

    /// <summary>Moves to <paramref name="target"/> when it is more severe than the current state, with its event; true when it did.</summary>
    private bool Enter(SafetyState target, SafetyEventKind kind, SafetyReaction reaction, int source, double value, double limit, long nowNs)
    {
        if (Severity(target) <= Severity(State)) return false;
        SetState(target);
        Volatile.Write(ref _acknowledged, 0);
        _events.Emit(kind, reaction, source, value, limit, nowNs);
        return true;
    }

    private void SetState(SafetyState state) => Volatile.Write(ref _state, (int)state);

    private static int Severity(SafetyState state) => state switch
    {
        SafetyState.Normal => 0,
        SafetyState.ReducedSpeed => 1,
        SafetyState.ProtectiveStop => 2,
        SafetyState.Fault => 3,
        _ => 4,
    };
}
