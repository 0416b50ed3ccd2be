using Controller.Cerebellum.Loop;
using Controller.Pipeline.Time;
using Controller.Robotics.Kinematics;
using Controller.Robotics.Model;
using Controller.Robotics.Simulation;
using Controller.Robotics.Spatial;

namespace Controller.Runtime.Simulation;

/// <summary>
/// The person who guides a simulated arm by hand: a spring-damper between the hand and the next of a list of waypoints,
/// pulling the tool frame through <see cref="RigidBodyPlant.SetExternalWrench"/> with a bounded force, as a hand on the
/// tool would. The arm moves only if its controller yields to the wrist sensor (the admittance controller): the operator
/// pushes, the sensor feels it, the loop moves the arm. A waypoint counts as reached within <see cref="ReachedM"/>;
/// the last is held until <see cref="Dispose"/>. Runs on its own thread at about 500 Hz (a hand is slower than that).
/// </summary>
public sealed class SimulatedOperator : IDisposable
{
    private readonly RigidBodyPlant _plant;
    private readonly RobotData _data;
    private readonly int _frame;
    private readonly string _frameName;
    private readonly Vec3[] _waypoints;
    private readonly double[] _q, _qd, _jacobian;
    private readonly Thread _thread;
    private volatile bool _stop;
    private int _next;
    private double _lastForceN;

    /// <summary>Creates the operator; <see cref="Start"/> starts pushing.</summary>
    /// <param name="plant">The simulated arm.</param>
    /// <param name="model">Its model (joint i is plant joint i).</param>
    /// <param name="frame">The frame the hand holds (the tool tip).</param>
    /// <param name="waypointsM">Where to take it, in order: root frame, metres.</param>
    /// <exception cref="ArgumentException">No waypoints, a non-finite one, or a frame the model lacks.</exception>
    public SimulatedOperator(RigidBodyPlant plant, RobotModel model, string frame, IReadOnlyList<Vec3> waypointsM)
    {
        _plant = plant ?? throw new ArgumentNullException(nameof(plant));
        ArgumentNullException.ThrowIfNull(model);
        if (!model.HasFrame(frame))
        {
            throw new ArgumentException($"model '{model.Name}' has no frame '{frame}' for the operator's hand", nameof(frame));
        }

        if (waypointsM.Count == 0 || waypointsM.Any(w => !(double.IsFinite(w.X) && double.IsFinite(w.Y) && double.IsFinite(w.Z))))
        {
            throw new ArgumentException($"the guide path needs at least one finite waypoint; got [{string.Join("; ", waypointsM)}]", nameof(waypointsM));
        }

        _data = new RobotData(model);
        _frame = model.FrameIndex(frame);
        _frameName = frame;
        _waypoints = waypointsM.ToArray();
        _q = new double[model.DofCount];
        _qd = new double[model.DofCount];
        _jacobian = new double[6 * model.DofCount];
        _thread = new Thread(Run) { IsBackground = true, Name = "simulated-operator" };
    }

    /// <summary>Spring between hand and waypoint (N/m).</summary>
    public double StiffnessNPerM { get; init; } = 300;

    /// <summary>Damping of the hand against the tool's velocity (N·s/m).</summary>
    public double DampingNsPerM { get; init; } = 10;

    /// <summary>The most the hand pushes (N); keep it below the safety supervisor's collision force.</summary>
    public double MaxForceN { get; init; } = 15;

    /// <summary>A waypoint closer than this is reached and the hand goes on to the next (m).</summary>
    public double ReachedM { get; init; } = 0.015;

    /// <summary>The waypoints, root frame (m).</summary>
    public IReadOnlyList<Vec3> Waypoints => _waypoints;

    /// <summary>Index of the waypoint the hand pulls toward now; equal to the count minus one once on the last.</summary>
    public int NextWaypoint => Volatile.Read(ref _next);

    /// <summary>The magnitude of the last force applied (N).</summary>
    public double LastForceN => Volatile.Read(ref _lastForceN);

    /// <summary>The tool frame's position now (root frame, m), from the plant's published joint positions. Any thread.</summary>
    public Vec3 ToolPosition()
    {
        lock (_data)
        {
            Measure();
            return _data.FramePose(_frame).Translation;
        }
    }

    /// <summary>Where <paramref name="frame"/> is now on <paramref name="plant"/> (root frame, m). Any thread.</summary>
    /// <exception cref="ArgumentException">The model has no such frame.</exception>
    public static Vec3 FramePosition(RigidBodyPlant plant, RobotModel model, string frame)
    {
        var data = new RobotData(model);
        var q = new double[model.DofCount];
        for (int j = 0; j < q.Length; j++)
        {
            q[j] = plant.GetPositionRad(j);
        }

        ForwardKinematics.Compute(data, q);
        return data.FramePose(model.FrameIndex(frame)).Translation;
    }

    /// <summary>The default demonstration from <paramref name="start"/>: lift, move over the tabletop bin, lower into it.</summary>
    public static IReadOnlyList<Vec3> LiftOverBinAndLower(Vec3 start)
    {
        double high = Math.Max(start.Z + 0.05, 0.14);
        return [new Vec3(start.X, start.Y, high), new Vec3(0.0, 0.23, high), new Vec3(0.0, 0.23, 0.10)];
    }

    /// <summary>Starts pushing.</summary>
    public void Start() => _thread.Start();

    /// <summary>One push: the force toward the current waypoint at the plant's current state, applied to it. Any one thread.</summary>
    public Vec3 Step()
    {
        Vec3 position, velocity;
        lock (_data)
        {
            Measure();
            position = _data.FramePose(_frame).Translation;
            FrameJacobian.Compute(_data, _frame, _jacobian);
            int n = _qd.Length;
            double vx = 0, vy = 0, vz = 0;
            for (int j = 0; j < n; j++)
            {
                vx += _jacobian[j] * _qd[j];
                vy += _jacobian[n + j] * _qd[j];
                vz += _jacobian[2 * n + j] * _qd[j];
            }

            velocity = new Vec3(vx, vy, vz);
        }

        int next = _next;
        if (next < _waypoints.Length - 1 && (_waypoints[next] - position).Norm < ReachedM)
        {
            Volatile.Write(ref _next, ++next);
        }

        Vec3 force = StiffnessNPerM * (_waypoints[next] - position) - DampingNsPerM * velocity;
        double magnitude = force.Norm;
        if (magnitude > MaxForceN)
        {
            force = (MaxForceN / magnitude) * force;
            magnitude = MaxForceN;
        }

        _plant.SetExternalWrench(_frameName, force, Vec3.Zero);
        Volatile.Write(ref _lastForceN, magnitude);
        return force;
    }

    /// <summary>Lets go of the tool and stops the thread.</summary>
    public void Dispose()
    {
        _stop = true;
        if (_thread.IsAlive)
        {
            _thread.Join();
        }

        _plant.ClearExternalWrench(_frameName);
    }

    private void Measure()
    {
        for (int j = 0; j < _q.Length; j++)
        {
            _q[j] = _plant.GetPositionRad(j);
            _qd[j] = _plant.GetVelocityRadPerSec(j);
        }

        ForwardKinematics.Compute(_data, _q);
    }

    private void Run()
    {
        var pacer = new AbsoluteDeadlinePacer(spinNs: 0);
        const long periodNs = 2_000_000;
        long deadline = MonotonicClock.Now();
        while (!_stop)
        {
            Step();
            // A hand does not catch up on pushes it missed: after a stall it simply goes on.
            deadline = Math.Max(deadline + periodNs, MonotonicClock.Now());
            pacer.WaitUntil(deadline);
        }
    }
}
