using Controller.Cerebellum.Loop;
using Controller.Pipeline.Messages;

namespace Controller.Cerebellum.Safety;

/// <summary>What the supervisor writes: holds, decelerations and limited commands.</summary>
public sealed partial class SafetySupervisor
{
    // What the previous written command leaves for the next cycle to continue from.
    private enum Reference
    {
        None,        // no position or velocity reference: continue from the measured state
        Positional,  // _refPos/_refStep hold the last written positions and per-cycle steps
        Velocity,    // _refVel holds the last written velocities
    }

    // The longest schedule gap a cycle's bounds stretch to; the chunk follower integrates at most as many periods per cycle.
    private const long MaxSchedulePeriods = 10;

    private Reference _reference;
    private JointValues _refPos;
    private JointValues _refStep;
    private double _refPeriodS;     // the schedule period over which _refStep was taken
    private double _periodS;        // this cycle's schedule period (see SchedulePeriodS)
    private long _lastDeadlineNs;
    private bool _hasDeadline;
    private JointValues _refVel;
    private JointValues _prevTarget;
    private bool _targetValid;
    private bool _rejecting;
    private bool _measurementBad;
    private ulong _limitingMask;
    private long _rejectedCommands;

    private SafetyReaction WriteOutput(in CycleTime time, in JointState measured, ref JointCommand command, int joints, bool wellFormed)
    {
        _periodS = SchedulePeriodS(in time);
        if (!(time.NominalPeriodS > 0)) return WriteHold(ref command, in measured, joints);
        switch (State)
        {
            case SafetyState.EmergencyStop:
                return WriteHold(ref command, in measured, joints);
            case SafetyState.Fault:
                return HoldAtLastSafe(ref command, in measured, joints);
            case SafetyState.ProtectiveStop:
                return Decelerate(in time, in measured, ref command, joints);
        }
        if (BrainSilent) return Decelerate(in time, in measured, ref command, joints);
        if (command.Mode == ControlMode.Hold)
        {
            _rejecting = false;
            WriteHold(ref command, in measured, joints);
            return SafetyReaction.None;
        }
        if (!wellFormed)
        {
            bool countWrong = command.JointCount != joints;
            Enter(SafetyState.Fault, SafetyEventKind.InvalidCommand, SafetyReaction.Hold, -1,
                countWrong ? command.JointCount : (int)command.Mode, countWrong ? joints : (int)ControlMode.Impedance, time.NowNs);
            return HoldAtLastSafe(ref command, in measured, joints);
        }
        int bad = CommandChecks.FirstNonFinite(in command, joints, out double badValue);
        if (bad >= 0)
        {
            Volatile.Write(ref _rejectedCommands, _rejectedCommands + 1);
            if (!_rejecting) _events.Emit(SafetyEventKind.NonFiniteValue, SafetyReaction.Hold, bad, badValue, 0, time.NowNs);
            _rejecting = true;
            return HoldAtLastSafe(ref command, in measured, joints);
        }
        _rejecting = false;
        return command.Mode switch
        {
            ControlMode.Position or ControlMode.Impedance => LimitPositional(in time, in measured, ref command, joints),
            ControlMode.Velocity => LimitVelocity(in time, in measured, ref command, joints),
            _ => LimitEffort(in time, in measured, ref command, joints),
        };
    }

    /// <summary>
    /// The time the reference advances this cycle: the loop's schedule since the previous cycle (deadline to deadline),
    /// the nominal period unless an overrun skipped deadlines, at most <see cref="MaxSchedulePeriods"/> periods. The chunk
    /// follower samples its path on the same schedule, so after a skip its reference has moved by every period skipped; bounded
    /// by the nominal period, those steps were clamped although the motion was within the limits (Safety/README). Not the
    /// measured wake-to-wake period: it jitters with the wake-up lateness, which the reference does not see.
    /// </summary>
    private double SchedulePeriodS(in CycleTime time)
    {
        long nominal = time.NominalPeriodNs;
        long elapsed = _hasDeadline ? time.DeadlineNs - _lastDeadlineNs : nominal;
        _lastDeadlineNs = time.DeadlineNs;
        _hasDeadline = true;
        if (elapsed < nominal || elapsed / MaxSchedulePeriods > nominal) elapsed = elapsed < nominal ? nominal : MaxSchedulePeriods * nominal;
        return elapsed * 1e-9;
    }

    /// <summary>ControlMode.Hold; the arrays carry the measured position for telemetry only (the drive ignores them).</summary>
    private SafetyReaction WriteHold(ref JointCommand command, in JointState measured, int joints)
    {
        command.Mode = ControlMode.Hold;
        command.JointCount = joints;
        for (int j = 0; j < joints; j++)
        {
            double p = measured.Position[j];
            command.Position[j] = double.IsFinite(p) ? p : _reference == Reference.Positional ? _refPos[j] : 0;
            command.Velocity[j] = 0;
            command.Effort[j] = 0;
            command.Stiffness[j] = 0;
            command.Damping[j] = 0;
        }
        _reference = Reference.None;
        _targetValid = false;
        _limitingMask = 0;
        return SafetyReaction.Hold;
    }

    /// <summary>Position mode at the last written positions with zero velocity and effort; ControlMode.Hold when there are none.</summary>
    private SafetyReaction HoldAtLastSafe(ref JointCommand command, in JointState measured, int joints)
    {
        if (_reference != Reference.Positional) return WriteHold(ref command, in measured, joints);
        WritePositions(ref command, joints, ref _refPos);
        for (int j = 0; j < joints; j++) _refStep[j] = 0;
        _refPeriodS = _periodS;
        _targetValid = false;
        _limitingMask = 0;
        return SafetyReaction.Hold;
    }

    /// <summary>Every joint slows by at most AccelerationMax × period per cycle until at rest, then holds there.</summary>
    private SafetyReaction Decelerate(in CycleTime time, in JointState measured, ref JointCommand command, int joints)
    {
        if (!ReferenceAvailable(in time, in measured, joints)) return WriteHold(ref command, in measured, joints);
        double period = _periodS;
        double span = AccelerationSpanS(period);
        for (int j = 0; j < joints; j++)
        {
            ref readonly var limit = ref _limits[j];
            ReferenceOf(j, in measured, period, out double p, out double s);
            double q = MotionBounds.Decelerate(p, s, limit.AccelerationMax * period * span, limit.SoftPositionMin, limit.SoftPositionMax);
            _refStep[j] = q - p;
            _refPos[j] = q;
        }
        _refPeriodS = period;
        _reference = Reference.Positional;
        WritePositions(ref command, joints, ref _refPos);
        for (int j = 0; j < joints; j++) command.Velocity[j] = _refStep[j] / period;
        _targetValid = false;
        _limitingMask = 0;
        return SafetyReaction.ProtectiveStop;
    }

    private SafetyReaction LimitPositional(in CycleTime time, in JointState measured, ref JointCommand command, int joints)
    {
        if (!ReferenceAvailable(in time, in measured, joints)) return WriteHold(ref command, in measured, joints);
        double period = _periodS;
        double span = AccelerationSpanS(period);
        double factor = SpeedFactor;
        bool impedance = command.Mode == ControlMode.Impedance;
        ulong limiting = 0;
        for (int j = 0; j < joints; j++)
        {
            ref readonly var limit = ref _limits[j];
            ReferenceOf(j, in measured, period, out double p, out double s);
            double a = limit.AccelerationMax * period * span;
            double brake = limit.AccelerationMax * period * period;
            double vLim = limit.VelocityMax * factor * period;
            double raw = command.Position[j];
            double target = MotionBounds.Clamp(raw, limit.SoftPositionMin, limit.SoftPositionMax);
            double targetStep = _targetValid ? MotionBounds.Clamp(target - _prevTarget[j], -vLim, vLim) : 0;
            double q = MotionBounds.Ramp(p, s, target, targetStep, a, brake, vLim, limit.SoftPositionMin, limit.SoftPositionMax);
            // Ramp reaches a feasible target as p + (target − p): that can land an ulp beside it, which is following, not
            // limiting. Without this every such cycle toggled the joint's limiting bit and raised a JointLimit (Safety/README).
            if (q != raw && target == raw && MotionBounds.SameUpToRounding(q, raw, p)) q = raw;
            _prevTarget[j] = target;
            _refStep[j] = q - p;
            _refPos[j] = q;
            command.Position[j] = q;
            double rawV = command.Velocity[j], rawE = command.Effort[j];
            command.Velocity[j] = MotionBounds.Clamp(rawV, -limit.VelocityMax * factor, limit.VelocityMax * factor);
            command.Effort[j] = MotionBounds.Clamp(rawE, -limit.EffortMax, limit.EffortMax);
            command.Stiffness[j] = impedance ? Math.Max(command.Stiffness[j], 0) : 0;
            command.Damping[j] = impedance ? Math.Max(command.Damping[j], 0) : 0;
            double requestedNm = 0, boundedNm = 0;
            bool effortBounded = impedance && BoundImpedanceEffort(ref command, j, in measured, limit.EffortMax, out requestedNm, out boundedNm);
            if (q != raw) limiting |= Report(j, limiting, raw, q, time.NowNs);
            else if (command.Velocity[j] != rawV) limiting |= Report(j, limiting, rawV, command.Velocity[j], time.NowNs);
            else if (command.Effort[j] != rawE) limiting |= Report(j, limiting, rawE, command.Effort[j], time.NowNs);
            else if (effortBounded) limiting |= Report(j, limiting, requestedNm, boundedNm, time.NowNs);
        }
        _refPeriodS = period;
        _reference = Reference.Positional;
        _targetValid = true;
        return Finish(limiting);
    }

    /// <summary>
    /// Bounds the torque an MIT-style drive will produce for joint <paramref name="j"/> of the (already position-, velocity-
    /// and feed-forward-limited) impedance command, predicted from the measured state: kp·(q_ref − q) + kd·(q̇_ref − q̇) + τ_ff
    /// within ±<paramref name="effortMaxNm"/>. When it is not, both gains are scaled down by one factor (the written
    /// reference keeps its velocity and acceleration bounds; the drive then gives exactly the limit, as a torque clip would).
    /// A gain whose error is not measured is dropped. True when the gains were changed.
    /// </summary>
    private static bool BoundImpedanceEffort(ref JointCommand command, int j, in JointState measured, double effortMaxNm,
        out double requestedNm, out double boundedNm)
    {
        double kp = command.Stiffness[j], kd = command.Damping[j];
        double positionError = command.Position[j] - measured.Position[j];
        double velocityError = command.Velocity[j] - measured.Velocity[j];
        requestedNm = MotionBounds.ImpedanceEffort(kp, kd, positionError, velocityError, command.Effort[j]);
        boundedNm = requestedNm;
        if (!MotionBounds.BoundImpedanceGains(ref kp, ref kd, positionError, velocityError, command.Effort[j], effortMaxNm)) return false;
        command.Stiffness[j] = kp;
        command.Damping[j] = kd;
        boundedNm = MotionBounds.ImpedanceEffort(kp, kd, positionError, velocityError, command.Effort[j]);
        return true;
    }

    private SafetyReaction LimitVelocity(in CycleTime time, in JointState measured, ref JointCommand command, int joints)
    {
        double period = _periodS;
        double factor = SpeedFactor;
        ulong limiting = 0;
        for (int j = 0; j < joints; j++)
        {
            ref readonly var limit = ref _limits[j];
            double previous = _reference switch
            {
                Reference.Velocity => _refVel[j],
                Reference.Positional => _refStep[j] / _refPeriodS,
                _ => double.IsFinite(measured.Velocity[j]) ? MotionBounds.Clamp(measured.Velocity[j], -limit.VelocityMax, limit.VelocityMax) : 0,
            };
            double rawV = command.Velocity[j], rawE = command.Effort[j];
            double v = MotionBounds.LimitVelocity(rawV, previous, measured.Position[j], limit.VelocityMax * factor,
                limit.AccelerationMax * period, period, limit.SoftPositionMin, limit.SoftPositionMax);
            _refVel[j] = v;
            command.Velocity[j] = v;
            command.Effort[j] = MotionBounds.Clamp(rawE, -limit.EffortMax, limit.EffortMax);
            command.Position[j] = 0;
            command.Stiffness[j] = 0;
            command.Damping[j] = 0;
            if (v != rawV) limiting |= Report(j, limiting, rawV, v, time.NowNs);
            else if (command.Effort[j] != rawE) limiting |= Report(j, limiting, rawE, command.Effort[j], time.NowNs);
        }
        _reference = Reference.Velocity;
        _targetValid = false;
        return Finish(limiting);
    }

    private SafetyReaction LimitEffort(in CycleTime time, in JointState measured, ref JointCommand command, int joints)
    {
        ulong limiting = 0;
        for (int j = 0; j < joints; j++)
        {
            ref readonly var limit = ref _limits[j];
            double raw = command.Effort[j];
            double e = MotionBounds.Clamp(raw, -limit.EffortMax, limit.EffortMax);
            double p = measured.Position[j];
            // At or past a soft limit, effort that pushes further out is dropped (not enough to stop gravity; see README).
            if (!double.IsFinite(p) || (p >= limit.SoftPositionMax && e > 0) || (p <= limit.SoftPositionMin && e < 0)) e = 0;
            command.Effort[j] = e;
            command.Position[j] = 0;
            command.Velocity[j] = 0;
            command.Stiffness[j] = 0;
            command.Damping[j] = 0;
            if (e != raw) limiting |= Report(j, limiting, raw, e, time.NowNs);
        }
        _reference = Reference.None;
        _targetValid = false;
        return Finish(limiting);
    }

    /// <summary>
    /// (previous + this period) / 2: this cycle's step may differ from the last one (continued at its velocity) by at most
    /// AccelerationMax × period × this. Two mean velocities over adjacent intervals T₁ and T₂ of a path whose acceleration
    /// stays within A differ by at most A·(T₁ + T₂)/2, so the bound is exact for the follower's reference on any schedule;
    /// with equal periods it is the period itself and the bound the familiar A·period² (bit for bit).
    /// </summary>
    private double AccelerationSpanS(double period)
    {
        double previous = _reference == Reference.Positional ? _refPeriodS : period;
        return (previous + period) / 2;
    }

    private double SpeedFactor => State == SafetyState.ReducedSpeed ? _options.ReducedSpeedFactor : 1;

    /// <summary>Joint <paramref name="j"/>'s bit, with a JointLimit event when it was not being limited the cycle before.</summary>
    private ulong Report(int j, ulong limiting, double requested, double written, long nowNs)
    {
        ulong bit = 1UL << j;
        if ((_limitingMask & bit) == 0 && (limiting & bit) == 0)
            _events.Emit(SafetyEventKind.JointLimit, SafetyReaction.Limit, j, requested, written, nowNs);
        return bit;
    }

    private SafetyReaction Finish(ulong limiting)
    {
        _limitingMask = limiting;
        return limiting != 0 ? SafetyReaction.Limit : SafetyReaction.None;
    }

    private void WritePositions(ref JointCommand command, int joints, ref JointValues positions)
    {
        command.Mode = ControlMode.Position;
        command.JointCount = joints;
        for (int j = 0; j < joints; j++)
        {
            command.Position[j] = positions[j];
            command.Velocity[j] = 0;
            command.Effort[j] = 0;
            command.Stiffness[j] = 0;
            command.Damping[j] = 0;
        }
    }

    /// <summary>True when every joint has a position to continue from; raises NonFiniteValue once per episode otherwise.</summary>
    private bool ReferenceAvailable(in CycleTime time, in JointState measured, int joints)
    {
        if (_reference == Reference.Positional) return true;
        for (int j = 0; j < joints; j++)
        {
            if (double.IsFinite(measured.Position[j])) continue;
            if (!_measurementBad) _events.Emit(SafetyEventKind.NonFiniteValue, SafetyReaction.Hold, j, measured.Position[j], 0, time.NowNs);
            _measurementBad = true;
            return false;
        }
        _measurementBad = false;
        return true;
    }

    /// <summary>Where joint <paramref name="j"/> continues from: the last written position and step, else the measured state.</summary>
    private void ReferenceOf(int j, in JointState measured, double period, out double p, out double s)
    {
        if (_reference == Reference.Positional)
        {
            p = _refPos[j];
            // The last step at its velocity, as a step of this cycle's length (× 1 exactly when the periods are equal).
            s = _refStep[j] * (period / _refPeriodS);
            return;
        }
        double maxStep = _limits[j].VelocityMax * period;
        double v = _reference == Reference.Velocity ? _refVel[j] : measured.Velocity[j];
        p = measured.Position[j];
        s = double.IsFinite(v) ? MotionBounds.Clamp(v * period, -maxStep, maxStep) : 0;
    }
}
