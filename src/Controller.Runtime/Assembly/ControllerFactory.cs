using Controller.Cerebellum.Controllers;
using Controller.Cerebellum.Controllers.Admittance;
using Controller.Cerebellum.Joints;
using Controller.Cerebellum.Loop;
using Controller.Hardware.Devices;
using Controller.Pipeline.Messages;
using Controller.Robotics.Model;
using Controller.Runtime.Configuration;

namespace Controller.Runtime.Assembly;

/// <summary>
/// Builds the controller of a <see cref="ControllerKind"/> from <c>controllers:</c>, composed for the robot's actuators:
/// PD and impedance write torque (with g(q) when <c>gravity_compensation</c>); admittance writes positions on position
/// actuators and drives a joint impedance on torque ones. Everything is allocated here, off the loop thread; the result
/// goes to <see cref="ControllerSlot.Prepare"/>. The chunk follower is the runtime's one instance, reused.
/// </summary>
public sealed class ControllerFactory
{
    private const double DefaultStiffness = 30, DefaultDamping = 1.5;
    private readonly RobotModel _model;
    private readonly JointLimitSet _limits;
    private readonly IReadOnlyList<JointBus> _buses;
    private readonly IWrenchSource _wrench;
    private readonly RobotConfig _config;
    private readonly ICycleController _follower;

    /// <summary>Creates the factory for one runtime.</summary>
    /// <param name="model">The robot model (joint i is command joint i).</param>
    /// <param name="limits">Soft limits the admittance offset stays inside.</param>
    /// <param name="buses">The joint buses, for their actuator modes.</param>
    /// <param name="wrench">This cycle's wrist wrench (the cerebellum cycle).</param>
    /// <param name="config">The configuration (<c>controllers:</c>, <c>sensors:</c>).</param>
    /// <param name="follower">The chunk follower.</param>
    public ControllerFactory(RobotModel model, JointLimitSet limits, IReadOnlyList<JointBus> buses, IWrenchSource wrench, RobotConfig config, ICycleController follower)
    {
        _model = model;
        _limits = limits;
        _buses = buses;
        _wrench = wrench;
        _config = config;
        _follower = follower;
    }

    /// <summary>Builds a controller of <paramref name="kind"/>. Off the loop thread.</summary>
    /// <exception cref="InvalidOperationException">The robot cannot run it (actuators without torque for PD or impedance, no wrist sensor for admittance); the message says why.</exception>
    public ICycleController Build(ControllerKind kind)
    {
        ControllersConfig c = _config.Controllers;
        int n = _model.DofCount;
        switch (kind)
        {
            case ControllerKind.Follower:
                return _follower;
            case ControllerKind.Hold:
                return new HoldController(_buses.All(b => (b.SupportedModes & ActuatorModes.Position) != 0), n);
            case ControllerKind.Pd:
                RequireAll(ActuatorModes.Torque, "pd writes joint torques");
                var pd = new JointPdController(Gains(c.Pd, n), "joint-pd");
                return c.GravityCompensation ? new ModelFeedForwardController(pd, _model) : pd;
            case ControllerKind.Impedance:
                return Impedance(reference: null);
            case ControllerKind.Admittance:
                AdmittanceConfig a = c.Admittance ?? throw new InvalidOperationException(
                    $"robot '{_config.Name}' has no wrist force/torque sensor (sensors:), so it cannot run the admittance controller");
                SensorConfig sensor = _config.Sensors[0];
                var admittance = new CartesianAdmittanceController(_model, sensor.Link, _wrench, new AdmittanceOptions
                {
                    MassKg = a.MassKg,
                    DampingNsPerM = a.DampingNsPerM,
                    StiffnessNPerM = a.StiffnessNPerM,
                    MaxLinearSpeedMps = a.MaxSpeedMps,
                }, inner: null, controlFrame: a.Frame, limits: _limits, name: "admittance");
                if (_buses.All(b => (b.SupportedModes & ActuatorModes.Position) != 0))
                {
                    return c.GravityCompensation ? new ModelFeedForwardController(admittance, _model) : admittance;
                }

                return Impedance(admittance);
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, $"unknown controller; allowed: {string.Join(", ", Enum.GetNames<ControllerKind>())}");
        }
    }

    private JointImpedanceController Impedance(ICycleController? reference)
    {
        ControllersConfig c = _config.Controllers;
        bool torque = _buses.All(b => (b.SupportedModes & ActuatorModes.Torque) != 0);
        RequireAll(ActuatorModes.Torque | ActuatorModes.Impedance, "impedance writes joint torques or MIT-style impedance");
        return new JointImpedanceController(Gains(c.Impedance, _model.DofCount), _buses, reference, c.GravityCompensation ? _model : null,
            FeedForwardMode.Gravity, torque ? JointImpedanceOutput.Effort : JointImpedanceOutput.Impedance, "impedance");
    }

    private void RequireAll(ActuatorModes anyOf, string why)
    {
        foreach (JointBus bus in _buses.Where(b => (b.SupportedModes & anyOf) == 0))
        {
            throw new InvalidOperationException($"{why}, but bus '{bus.Name}' takes only {bus.SupportedModes}; it needs {anyOf}");
        }
    }

    /// <summary>The configured gains, or the defaults where a configuration built in code left them empty.</summary>
    private static JointPdGains[] Gains(JointGainsConfig gains, int joints) => Enumerable.Range(0, joints)
        .Select(i => new JointPdGains(
            i < gains.Stiffness.Count ? gains.Stiffness[i] : DefaultStiffness,
            i < gains.Damping.Count ? gains.Damping[i] : DefaultDamping))
        .ToArray();

    /// <summary>
    /// Holds the pose at activation: a position command there (the supervisor decelerates a moving arm into it), or,
    /// where an actuator takes no positions, <see cref="ControlMode.Hold"/> (each drive keeps the position it has).
    /// </summary>
    private sealed class HoldController(bool positional, int joints) : ICycleController
    {
        private readonly double[] _pose = new double[joints];

        public string Name => "hold";

        public void Activate(in CycleTime time, in JointState measured)
        {
            for (int i = 0; i < _pose.Length; i++) _pose[i] = measured.Position[i];
        }

        public void Update(in CycleTime time, in JointState measured, ref JointCommand command)
        {
            command.Header = new MessageHeader(time.Cycle, time.NowNs);
            command.JointCount = _pose.Length;
            command.Mode = positional ? ControlMode.Position : ControlMode.Hold;
            for (int i = 0; i < _pose.Length; i++)
            {
                command.Position[i] = _pose[i];
                command.Velocity[i] = 0;
                command.Effort[i] = 0;
            }
        }
    }
}
