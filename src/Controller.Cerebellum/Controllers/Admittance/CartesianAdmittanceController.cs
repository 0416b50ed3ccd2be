using Controller.Cerebellum.Joints;
using Controller.Cerebellum.Loop;
using Controller.Pipeline.Messages;
using Controller.Robotics.Kinematics;
using Controller.Robotics.Model;
using Controller.Robotics.Spatial;

namespace Controller.Cerebellum.Controllers.Admittance;

/// <summary>
/// Cartesian admittance for hand guiding and compliant contact: the wrist wrench (tool weight removed, turned into
/// the base frame, moment taken about the control point) drives a virtual mass-damper(-spring) per task-space axis,
/// whose velocity is mapped each cycle through a damped Jacobian pseudo-inverse into a joint offset added on top of
/// another controller's position reference (a hold at the activation pose when there is none, or the chunk follower).
/// The output is a position reference (<see cref="ControlMode.Position"/>, velocity feed-forward included) for a
/// position-controlled arm or for a <see cref="JointImpedanceController"/> behind it.
/// </summary>
/// <remarks>
/// Loop thread only; <see cref="Activate"/> and <see cref="Update"/> neither allocate nor throw: FK, Jacobian and
/// solver memory are allocated in the constructor. Joint i of the model is joint i of the command.
/// The virtual damper is integrated exactly (v decays by e^(−D/M·dt)), so it is stable for any period.
/// </remarks>
public sealed class CartesianAdmittanceController : ICycleController
{
    private readonly ICycleController? _inner;
    private readonly IWrenchSource _wrench;
    private readonly AdmittanceOptions _options;
    private readonly JointLimitSet? _limits;
    private readonly RobotData _data;
    private readonly DampedPseudoInverse _solver;
    private readonly int _sensorFrame, _controlFrame, _n;
    private readonly double[] _q, _jacobian, _dq, _jointOffset, _hold;
    private readonly double[] _offset = new double[6], _velocity = new double[6], _wrenchBase = new double[6], _dx = new double[6];
    private long _missingWrenchCycles, _solverFailures;

    /// <summary>Creates the controller.</summary>
    /// <param name="model">The arm's model; joint i is command joint i.</param>
    /// <param name="sensorFrame">The link the force/torque sensor's frame is (its readings are in this frame).</param>
    /// <param name="wrench">This cycle's wrist wrench (the cerebellum cycle, or a test source).</param>
    /// <param name="options">Virtual dynamics and limits; validated here.</param>
    /// <param name="inner">The reference to comply around, or null to hold the pose at activation.</param>
    /// <param name="controlFrame">The point that is guided (the tool centre); null: the sensor frame.</param>
    /// <param name="limits">When given, the reference plus offset is kept inside the soft position limits (no wind-up against a limit).</param>
    /// <param name="name">Name for events and telemetry.</param>
    /// <exception cref="ArgumentException">A frame the model lacks, too many joints, limits of another joint count, or an option out of range.</exception>
    public CartesianAdmittanceController(RobotModel model, string sensorFrame, IWrenchSource wrench, AdmittanceOptions? options = null,
        ICycleController? inner = null, string? controlFrame = null, JointLimitSet? limits = null, string name = "cartesian-admittance")
    {
        ArgumentNullException.ThrowIfNull(model);
        _wrench = wrench ?? throw new ArgumentNullException(nameof(wrench));
        _options = options ?? new AdmittanceOptions();
        _options.Validate();
        if (model.DofCount > MessageLimits.MaxJoints)
            throw new ArgumentException($"model '{model.Name}' has {model.DofCount} joints; a command carries at most {MessageLimits.MaxJoints}.", nameof(model));
        if (!model.HasFrame(sensorFrame))
            throw new ArgumentException($"model '{model.Name}' has no frame '{sensorFrame}' for the force/torque sensor.", nameof(sensorFrame));
        if (controlFrame is not null && !model.HasFrame(controlFrame))
            throw new ArgumentException($"model '{model.Name}' has no frame '{controlFrame}' to guide.", nameof(controlFrame));
        if (limits is not null && limits.Count != model.DofCount)
            throw new ArgumentException($"limits cover {limits.Count} joints; model '{model.Name}' has {model.DofCount}.", nameof(limits));
        _inner = inner;
        _limits = limits;
        _data = new RobotData(model);
        _n = model.DofCount;
        _sensorFrame = model.FrameIndex(sensorFrame);
        _controlFrame = controlFrame is null ? _sensorFrame : model.FrameIndex(controlFrame);
        _q = new double[_n];
        _jacobian = new double[6 * _n];
        _dq = new double[_n];
        _jointOffset = new double[_n];
        _hold = new double[_n];
        _solver = new DampedPseudoInverse(_n);
        Name = inner is null ? name : $"{inner.Name}+{name}";
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <summary>The virtual offset of the control point from the reference: x, y, z (m), then a rotation vector (rad), base frame.</summary>
    public ReadOnlySpan<double> CartesianOffset => _offset;

    /// <summary>The virtual velocity: linear (m/s) then angular (rad/s), base frame.</summary>
    public ReadOnlySpan<double> CartesianVelocity => _velocity;

    /// <summary>This cycle's external wrench at the control point in the base frame (N, N·m), before deadband and limits.</summary>
    public ReadOnlySpan<double> ExternalWrench => _wrenchBase;

    /// <summary>The joint offset added to the reference (rad or m).</summary>
    public ReadOnlySpan<double> JointOffset => _jointOffset;

    /// <summary>Cycles without a usable wrench (the force is taken as zero: the virtual motion decays).</summary>
    public long MissingWrenchCycles => Volatile.Read(ref _missingWrenchCycles);

    /// <summary>Cycles whose pseudo-inverse gave no finite answer (the offset was not moved).</summary>
    public long SolverFailures => Volatile.Read(ref _solverFailures);

    /// <inheritdoc />
    public void Activate(in CycleTime time, in JointState measured)
    {
        _inner?.Activate(in time, in measured);
        Array.Clear(_offset);
        Array.Clear(_velocity);
        Array.Clear(_jointOffset);
        for (int i = 0; i < _n; i++) _hold[i] = measured.Position[i];
    }

    /// <inheritdoc />
    public void Update(in CycleTime time, in JointState measured, ref JointCommand command)
    {
        WriteReference(in time, in measured, ref command);
        double dt = time.NominalPeriodS;
        if (!(dt > 0)) return;

        for (int i = 0; i < _n; i++) _q[i] = measured.Position[i];
        if (!AllFinite(_q))
        {
            AddOffset(ref command, dt, moved: false);
            return;
        }
        ForwardKinematics.Compute(_data, _q);
        ReadWrench();
        Integrate(dt);
        FrameJacobian.Compute(_data, _controlFrame, _jacobian);
        for (int k = 0; k < 6; k++) _dx[k] = _velocity[k] * dt;
        bool moved = _solver.Solve(_jacobian, _dx, _options.JacobianDamping, _dq);
        if (!moved) Volatile.Write(ref _solverFailures, _solverFailures + 1);
        else LimitJointSpeed(dt);
        AddOffset(ref command, dt, moved);
    }

    private void WriteReference(in CycleTime time, in JointState measured, ref JointCommand command)
    {
        if (_inner is not null) _inner.Update(in time, in measured, ref command);
        if (_inner is null || command.Mode is not (ControlMode.Position or ControlMode.Impedance) || command.JointCount < _n)
        {
            // No usable reference: comply around the pose held since activation.
            command.Header = new MessageHeader(time.Cycle, time.NowNs);
            command.Mode = ControlMode.Position;
            command.JointCount = Math.Max(command.JointCount, _n);
            for (int i = 0; i < _n; i++)
            {
                command.Position[i] = _hold[i];
                command.Velocity[i] = 0;
                command.Effort[i] = 0;
            }
        }
    }

    private void ReadWrench()
    {
        Array.Clear(_wrenchBase);
        if (!_wrench.TryGetWrench(out Wrench w) || !Finite(in w))
        {
            Volatile.Write(ref _missingWrenchCycles, _missingWrenchCycles + 1);
            return;
        }
        Transform3 sensor = _data.FramePose(_sensorFrame);
        Mat3 r = sensor.Rotation;
        var force = new Vec3(w.ForceXN, w.ForceYN, w.ForceZN);
        var torque = new Vec3(w.TorqueXNm, w.TorqueYNm, w.TorqueZNm);
        var payload = _options.ToolPayload;
        if (payload is not null && (w.Flags & WrenchFlags.GravityCompensated) == 0)
        {
            // The tool's weight m·g, seen in the sensor frame, and its moment about the sensor origin.
            Vec3 weight = payload.MassKg * Mat3.TransposeTimes(r, _data.Model.Gravity);
            var com = new Vec3(payload.CentreOfMassXM, payload.CentreOfMassYM, payload.CentreOfMassZM);
            force -= weight;
            torque -= Vec3.Cross(com, weight);
        }
        Vec3 forceBase = r * force;
        Vec3 torqueBase = r * torque;
        // Moment about the control point: τ_c = τ_s + (p_s − p_c) × F.
        Vec3 lever = sensor.Translation - _data.FramePose(_controlFrame).Translation;
        torqueBase += Vec3.Cross(lever, forceBase);
        _wrenchBase[0] = forceBase.X;
        _wrenchBase[1] = forceBase.Y;
        _wrenchBase[2] = forceBase.Z;
        _wrenchBase[3] = torqueBase.X;
        _wrenchBase[4] = torqueBase.Y;
        _wrenchBase[5] = torqueBase.Z;
    }

    private void Integrate(double dt)
    {
        IntegrateGroup(0, _options.ForceDeadbandN, _options.MaxForceN, _options.MassKg, _options.DampingNsPerM,
            _options.StiffnessNPerM, _options.MaxLinearSpeedMps, dt);
        if (_options.Rotational)
        {
            IntegrateGroup(3, _options.TorqueDeadbandNm, _options.MaxTorqueNm, _options.InertiaKgM2, _options.RotationalDampingNmsPerRad,
                _options.RotationalStiffnessNmPerRad, _options.MaxAngularSpeedRadPerSec, dt);
        }
    }

    /// <summary>
    /// One 3-axis group: shaped input (deadband subtracted continuously, magnitude capped), then per axis
    /// v ← v·e^(−dt·D/M) + (F − K·x)/D·(1 − e^(−dt·D/M)) (exact for the damper over the step), speed capped, x ← x + v·dt.
    /// </summary>
    private void IntegrateGroup(int first, double deadband, double max, double mass, double damping, double stiffness, double maxSpeed, double dt)
    {
        double fx = _wrenchBase[first], fy = _wrenchBase[first + 1], fz = _wrenchBase[first + 2];
        double magnitude = Math.Sqrt(fx * fx + fy * fy + fz * fz);
        double scale = magnitude <= deadband ? 0 : Math.Min(magnitude - deadband, max - deadband) / magnitude;
        double decay = Math.Exp(-dt * damping / mass);
        double speed2 = 0;
        for (int k = first; k < first + 3; k++)
        {
            double drive = scale * _wrenchBase[k] - stiffness * _offset[k];
            _velocity[k] = _velocity[k] * decay + drive / damping * (1 - decay);
            speed2 += _velocity[k] * _velocity[k];
        }
        double speed = Math.Sqrt(speed2);
        if (speed > maxSpeed)
        {
            double s = maxSpeed / speed;
            for (int k = first; k < first + 3; k++) _velocity[k] *= s;
        }
        for (int k = first; k < first + 3; k++) _offset[k] += _velocity[k] * dt;
    }

    private void LimitJointSpeed(double dt)
    {
        double maxStep = _options.MaxJointSpeedRadPerSec * dt;
        double worst = 0;
        for (int i = 0; i < _n; i++) worst = Math.Max(worst, Math.Abs(_dq[i]));
        if (worst <= maxStep) return;
        // Scale the whole step so the tool keeps its direction.
        double s = maxStep / worst;
        for (int i = 0; i < _n; i++) _dq[i] *= s;
    }

    private void AddOffset(ref JointCommand command, double dt, bool moved)
    {
        for (int i = 0; i < _n; i++)
        {
            double reference = command.Position[i];
            double step = moved ? _dq[i] : 0;
            double target = reference + _jointOffset[i] + step;
            if (_limits is not null)
            {
                ref readonly JointLimits limit = ref _limits[i];
                target = Math.Clamp(target, limit.SoftPositionMin, limit.SoftPositionMax);
            }
            double applied = target - reference - _jointOffset[i];
            _jointOffset[i] = target - reference;
            command.Position[i] = target;
            command.Velocity[i] += applied / dt;
        }
    }

    private static bool AllFinite(ReadOnlySpan<double> values)
    {
        foreach (double v in values)
            if (!double.IsFinite(v)) return false;
        return true;
    }

    private static bool Finite(in Wrench w) =>
        double.IsFinite(w.ForceXN) && double.IsFinite(w.ForceYN) && double.IsFinite(w.ForceZN)
        && double.IsFinite(w.TorqueXNm) && double.IsFinite(w.TorqueYNm) && double.IsFinite(w.TorqueZNm);
}
