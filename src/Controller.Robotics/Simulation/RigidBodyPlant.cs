using Controller.Hardware.Simulation;
using Controller.Robotics.Dynamics;
using Controller.Robotics.Kinematics;
using Controller.Robotics.Model;
using Controller.Robotics.Spatial;

namespace Controller.Robotics.Simulation;

/// <summary>
/// A rigid-body simulation of the robot: the articulated-body algorithm stepped at the caller's rate (1–4 kHz)
/// with joint damping and friction, end stops at the joint limits, gravity, payloads, and penalty contact with a
/// table and boxes that force/torque sensors feel. It implements the device twins' <see cref="ISimulatedPlant"/>,
/// so the whole runtime can run against physics without hardware.
/// </summary>
/// <remarks>
/// One thread calls <see cref="Step"/> (and the other state-changing members); the twins read joints and sensors
/// and set actuator torques from theirs. <see cref="Step"/> allocates nothing.
/// </remarks>
public sealed partial class RigidBodyPlant : ISimulatedPlant
{
    private readonly PlantOptions _options;
    private readonly ContactModel _contacts;
    private ForceTorqueSensorModel[] _sensors;
    private readonly SensorWrench[] _sensorReadings;
    private readonly Lock _sensorLock = new();
    private readonly double[] _q, _qd, _qdd;
    private readonly double[] _actuatorTorque, _publishedQ, _publishedQd;
    private readonly double[] _stopStiffness, _stopDamping;
    private readonly double[] _stageQ, _stageQd, _torque, _tauScratch;
    private readonly double[][] _stageQdd;
    private readonly Force[] _external;
    private readonly RobotModel _baseModel;
    private RobotModel _model;
    private RobotData _data;

    /// <summary>Creates the plant at q = 0 (clamped into the limits), at rest.</summary>
    /// <exception cref="ArgumentException">A contact or sensor names a missing link or a link fixed to the root.</exception>
    public RigidBodyPlant(RobotModel model, PlantOptions? options = null)
    {
        _baseModel = model;
        _model = model;
        _data = new RobotData(model);
        _options = options ?? new PlantOptions();
        int n = model.DofCount;
        _q = new double[n];
        _qd = new double[n];
        _qdd = new double[n];
        _actuatorTorque = new double[n];
        _publishedQ = new double[n];
        _publishedQd = new double[n];
        _stageQ = new double[n];
        _stageQd = new double[n];
        _torque = new double[n];
        _tauScratch = new double[n];
        _stageQdd = [new double[n], new double[n], new double[n], new double[n]];
        _external = new Force[n];
        _contacts = new ContactModel(model, _options);
        _sensors = _options.ForceTorqueSensors.Select(s => new ForceTorqueSensorModel(model, s, _contacts.SphereFrames)).ToArray();
        _sensorReadings = new SensorWrench[_sensors.Length];
        (_appliedPending, _applied, _frameForces) = (new AppliedWrench[model.Frames.Count], new AppliedWrench[model.Frames.Count], new Force[model.Frames.Count]);
        for (int i = 0; i < n; i++)
        {
            _q[i] = Math.Clamp(0, model.Joints[i].LowerLimit, model.Joints[i].UpperLimit);
        }

        (_stopStiffness, _stopDamping) = EndStops(model, _q, _options);
        Publish();
    }

    /// <summary>The model being simulated (changes when a payload is attached).</summary>
    public RobotModel Model => _model;

    /// <summary>Simulated time since creation (s).</summary>
    public double TimeSeconds { get; private set; }

    /// <summary>Number of steps taken.</summary>
    public long Steps { get; private set; }

    /// <summary>Contact spheres touching something after the last step.</summary>
    public int ActiveContacts => _contacts.ActiveContacts;

    /// <inheritdoc />
    public int JointCount => _q.Length;

    /// <inheritdoc />
    public int SensorCount => _sensors.Length;

    /// <summary>Current positions (stepping thread only; twins use <see cref="GetPositionRad"/>).</summary>
    public ReadOnlySpan<double> Positions => _q;

    /// <summary>Current velocities (stepping thread only).</summary>
    public ReadOnlySpan<double> Velocities => _qd;

    /// <summary>Accelerations of the last step.</summary>
    public ReadOnlySpan<double> Accelerations => _qdd;

    /// <inheritdoc />
    public double GetPositionRad(int joint) => Volatile.Read(ref _publishedQ[joint]);

    /// <inheritdoc />
    public double GetVelocityRadPerSec(int joint) => Volatile.Read(ref _publishedQd[joint]);

    /// <inheritdoc />
    public void SetActuatorTorqueNm(int joint, double torqueNm) =>
        Volatile.Write(ref _actuatorTorque[joint], double.IsFinite(torqueNm) ? torqueNm : 0);

    /// <inheritdoc />
    public double GetActuatorTorqueNm(int joint) => Volatile.Read(ref _actuatorTorque[joint]);

    /// <inheritdoc />
    public SensorWrench GetSensorWrench(int sensor)
    {
        lock (_sensorLock)
        {
            return _sensorReadings[sensor];
        }
    }

    /// <summary>Places the robot (a start pose for a scenario).</summary>
    public void SetState(ReadOnlySpan<double> q, ReadOnlySpan<double> qd)
    {
        _model.RequireDofLength(q.Length, nameof(q));
        _model.RequireDofLength(qd.Length, nameof(qd));
        q.CopyTo(_q);
        qd.CopyTo(_qd);
        Publish();
    }

    /// <summary>
    /// Attaches a payload to a frame (a grasped cube), in addition to any attached before; the sensors above it
    /// feel it from the next step. Stepping thread only (it rebuilds the model: an allocation at a grasp, not per step).
    /// </summary>
    public void AttachPayload(string frame, in RigidInertia payloadInFrame)
    {
        UseModel(_model.WithPayload(_model.FrameIndex(frame), payloadInFrame));
    }

    /// <summary>Removes every payload (the gripper let go). Stepping thread only.</summary>
    public void DetachPayloads() => UseModel(_baseModel);

    private void UseModel(RobotModel model)
    {
        _model = model;
        _data = new RobotData(_model);
        _sensors = _sensors.Select(s => new ForceTorqueSensorModel(_model, s.Name, _contacts.SphereFrames)).ToArray();
    }

    /// <summary>Advances the simulation by <paramref name="dtSeconds"/> (the actuator torques held constant over it).</summary>
    public void Step(double dtSeconds)
    {
        TakeAppliedWrenches();
        if (_options.Integrator == PlantIntegrator.SemiImplicitEuler)
        {
            EvaluateAccelerations(_q, _qd, _qdd);
            for (int i = 0; i < _q.Length; i++)
            {
                _qd[i] += dtSeconds * _qdd[i];
                _q[i] += dtSeconds * _qd[i];
            }
        }
        else
        {
            StepRungeKutta(dtSeconds);
        }

        TimeSeconds += dtSeconds;
        Steps++;
        Publish();
        UpdateSensors();
    }

    /// <summary>Kinetic plus gravitational potential energy (J) at the current state; stepping thread only.</summary>
    public double MechanicalEnergy()
    {
        MassMatrix.Compute(_data, _q);
        ForwardKinematics.Compute(_data, _q);
        int n = _q.Length;
        double kinetic = 0;
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                kinetic += 0.5 * _qd[i] * _data.MassMatrix[i * n + j] * _qd[j];
            }
        }

        double potential = 0;
        for (int b = 0; b < n; b++)
        {
            RigidInertia inertia = _model.BodyInertia(b);
            Vec3 com = _data.BodyPoses[b].Apply(inertia.CenterOfMass);
            potential -= inertia.Mass * Vec3.Dot(_model.Gravity, com);
        }

        return kinetic + potential;
    }

    private void StepRungeKutta(double h)
    {
        int n = _q.Length;
        double[] k1 = _stageQdd[0], k2 = _stageQdd[1], k3 = _stageQdd[2], k4 = _stageQdd[3];
        EvaluateAccelerations(_q, _qd, k1);
        Stage(h / 2, _qd, k1);
        EvaluateAccelerations(_stageQ, _stageQd, k2);
        double[] v2 = _tauScratch;
        _stageQd.CopyTo(v2, 0);
        Stage(h / 2, v2, k2);
        double[] v3 = _qdd;
        _stageQd.CopyTo(v3, 0);
        EvaluateAccelerations(_stageQ, _stageQd, k3);
        Stage(h, v3, k3);
        EvaluateAccelerations(_stageQ, _stageQd, k4);
        for (int i = 0; i < n; i++)
        {
            // q advances by the weighted stage velocities: v1 = q̇, v2 = q̇ + h/2·k1, v3 = q̇ + h/2·k2, v4 = q̇ + h·k3.
            double v1 = _qd[i];
            double v4 = _stageQd[i];
            _q[i] += h / 6 * (v1 + 2 * v2[i] + 2 * v3[i] + v4);
            _qd[i] += h / 6 * (k1[i] + 2 * k2[i] + 2 * k3[i] + k4[i]);
            _qdd[i] = k4[i];
        }
    }

    /// <summary>Stage state: q + h·v, q̇ + h·a, into the stage arrays.</summary>
    private void Stage(double h, double[] velocity, double[] acceleration)
    {
        for (int i = 0; i < _q.Length; i++)
        {
            _stageQ[i] = _q[i] + h * velocity[i];
            _stageQd[i] = _qd[i] + h * acceleration[i];
        }
    }

    private void EvaluateAccelerations(ReadOnlySpan<double> q, ReadOnlySpan<double> qd, Span<double> qdd)
    {
        Array.Clear(_external);
        ForwardKinematics.ComputeWithVelocities(_data, q, qd);
        _contacts.Accumulate(_data, _external);
        AccumulateAppliedWrenches();
        JointTorques(q, qd, _torque);
        ForwardDynamics.Compute(_data, q, qd, _torque, qdd, _external);
    }

    private void JointTorques(ReadOnlySpan<double> q, ReadOnlySpan<double> qd, Span<double> torque)
    {
        for (int i = 0; i < torque.Length; i++)
        {
            ModelJoint joint = _model.Joints[i];
            double t = Volatile.Read(ref _actuatorTorque[i]);
            if (_options.JointFriction)
            {
                t -= joint.Damping * qd[i] + joint.Friction * Math.Clamp(qd[i] / _options.FrictionRampRadPerSec, -1, 1);
            }

            if (_options.JointStops)
            {
                if (q[i] < joint.LowerLimit)
                {
                    t += Math.Max(0, _stopStiffness[i] * (joint.LowerLimit - q[i]) - _stopDamping[i] * qd[i]);
                }
                else if (q[i] > joint.UpperLimit)
                {
                    t -= Math.Max(0, _stopStiffness[i] * (q[i] - joint.UpperLimit) + _stopDamping[i] * qd[i]);
                }
            }

            torque[i] = t;
        }
    }

    private void UpdateSensors()
    {
        if (_sensors.Length == 0)
        {
            return;
        }

        // Accelerations at the new state, then RNEA with the same contact forces fills the body accelerations and
        // joint forces the sensors need.
        EvaluateAccelerations(_q, _qd, _qdd);
        InverseDynamics.Compute(_data, _q, _qd, _qdd, _tauScratch, _external);
        lock (_sensorLock)
        {
            for (int s = 0; s < _sensors.Length; s++)
            {
                Force f = _sensors[s].Read(_data, _contacts.SphereForces, _frameForces);
                _sensorReadings[s] = new SensorWrench(f.Linear.X, f.Linear.Y, f.Linear.Z, f.Moment.X, f.Moment.Y, f.Moment.Z);
            }
        }
    }

    private void Publish()
    {
        for (int i = 0; i < _q.Length; i++)
        {
            Volatile.Write(ref _publishedQ[i], _q[i]);
            Volatile.Write(ref _publishedQd[i], _qd[i]);
        }
    }

    private static (double[] Stiffness, double[] Damping) EndStops(RobotModel model, double[] q, PlantOptions options)
    {
        // Each stop rings at the same frequency with the joint's own inertia (M_ii at the start pose), so a light
        // wrist and a heavy shoulder are equally stiff in time, and the integrator stays stable at 1 kHz.
        var data = new RobotData(model);
        MassMatrix.Compute(data, q);
        int n = model.DofCount;
        var stiffness = new double[n];
        var damping = new double[n];
        double omega = 2 * Math.PI * options.StopFrequencyHz;
        for (int i = 0; i < n; i++)
        {
            double inertia = data.MassMatrixAt(i, i);
            stiffness[i] = inertia * omega * omega;
            damping[i] = 2 * options.StopDampingRatio * inertia * omega;
        }

        return (stiffness, damping);
    }
}
