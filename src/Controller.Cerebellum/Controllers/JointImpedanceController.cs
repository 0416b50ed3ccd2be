using Controller.Cerebellum.Loop;
using Controller.Hardware.Devices;
using Controller.Pipeline.Messages;
using Controller.Robotics.Model;

namespace Controller.Cerebellum.Controllers;

/// <summary>
/// Joint impedance for torque-capable actuators: τ = K(q_ref − q) + D(q̇_ref − q̇) + τ_model, where the reference
/// comes from the controller before it (a trajectory follower, a Cartesian admittance, or a hold at the activation
/// pose when there is none) and τ_model is gravity g(q) or inverse dynamics along the reference
/// (<see cref="ModelFeedForwardController"/>). Written as torque (<see cref="JointImpedanceOutput.Effort"/>) or as an
/// MIT-style impedance command (<see cref="JointImpedanceOutput.Impedance"/>) that the drive closes itself.
/// </summary>
/// <remarks>
/// Activation runs on the loop thread and must not throw, so the actuators are checked when the controller is built:
/// every joint must sit on a bus whose <see cref="ActuatorModes"/> include the output's mode, or the constructor
/// refuses with the bus, its modes and what is needed. Activation is bumpless: the reference starts at the measured
/// positions (or the upstream controller's own bumpless start), so the first torque is τ_model − D·q̇, no jump.
/// Loop-thread members neither allocate nor throw.
/// </remarks>
public sealed class JointImpedanceController : ICycleController
{
    private readonly ICycleController _pipeline;

    /// <summary>Creates the controller.</summary>
    /// <param name="gains">K and D per joint (N·m/rad, N·m·s/rad); its count is the joint count.</param>
    /// <param name="actuators">The buses carrying the joints, checked for the output's mode.</param>
    /// <param name="reference">The controller producing q_ref and q̇_ref (position mode), or null to hold the activation pose.</param>
    /// <param name="model">The robot model for feed-forward, or null for none; its joint count must match the gains'.</param>
    /// <param name="feedForward">Gravity or inverse dynamics (used with a model).</param>
    /// <param name="output">Torque, or MIT-style impedance.</param>
    /// <param name="name">Name for events and telemetry.</param>
    /// <exception cref="ArgumentException">Bad joint count, a model of another size, or joints no bus covers.</exception>
    /// <exception cref="InvalidOperationException">An actuator cannot take the output's mode (the message names the bus and its modes).</exception>
    public JointImpedanceController(IReadOnlyList<JointPdGains> gains, IReadOnlyList<JointBus> actuators, ICycleController? reference = null,
        RobotModel? model = null, FeedForwardMode feedForward = FeedForwardMode.Gravity, JointImpedanceOutput output = JointImpedanceOutput.Effort,
        string name = "joint-impedance")
    {
        ArgumentNullException.ThrowIfNull(gains);
        ArgumentNullException.ThrowIfNull(actuators);
        if (gains.Count < 1 || gains.Count > MessageLimits.MaxJoints)
            throw new ArgumentOutOfRangeException(nameof(gains), gains.Count, $"an impedance controller drives between 1 and {MessageLimits.MaxJoints} joints; {gains.Count} gains were given.");
        if (model is not null && model.DofCount != gains.Count)
            throw new ArgumentException($"model '{model.Name}' has {model.DofCount} joints; {gains.Count} gains were given.", nameof(model));
        RequireCapable(actuators, gains.Count, output);
        Output = output;
        var law = new ImpedanceLaw(gains, reference, output);
        _pipeline = model is null ? law : new ModelFeedForwardController(law, model, feedForward);
        Name = reference is null ? name : $"{reference.Name}→{name}";
        if (model is not null) Name += feedForward == FeedForwardMode.Gravity ? "+gravity" : "+inverse-dynamics";
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <summary>How the law reaches the actuators.</summary>
    public JointImpedanceOutput Output { get; }

    /// <summary>
    /// Throws unless every joint in [0, <paramref name="joints"/>) lies on a bus in <paramref name="actuators"/> that
    /// takes <paramref name="output"/>'s mode. Off the loop thread (configuration).
    /// </summary>
    /// <exception cref="ArgumentException">A joint no bus covers.</exception>
    /// <exception cref="InvalidOperationException">A bus that cannot take the mode.</exception>
    public static void RequireCapable(IReadOnlyList<JointBus> actuators, int joints, JointImpedanceOutput output)
    {
        ActuatorModes needed = output == JointImpedanceOutput.Effort ? ActuatorModes.Torque : ActuatorModes.Impedance;
        for (int joint = 0; joint < joints; joint++)
        {
            JointBus? bus = null;
            foreach (var candidate in actuators)
                if (joint >= candidate.Offset && joint < candidate.Offset + candidate.JointCount) bus = candidate;
            if (bus is null)
                throw new ArgumentException($"joint {joint} is on no actuator bus; the impedance controller needs all {joints} joints covered.", nameof(actuators));
            if ((bus.SupportedModes & needed) == 0)
                throw new InvalidOperationException(
                    $"joint impedance ({output} output) refused: bus '{bus.Name}' (joints {bus.Offset}..{bus.Offset + bus.JointCount - 1}) supports {bus.SupportedModes}, not {needed}; "
                    + "use a position controller on it, or the other output mode if the drive has it.");
        }
    }

    /// <inheritdoc />
    public void Activate(in CycleTime time, in JointState measured) => _pipeline.Activate(in time, in measured);

    /// <inheritdoc />
    public void Update(in CycleTime time, in JointState measured, ref JointCommand command) => _pipeline.Update(in time, in measured, ref command);

    /// <summary>The feedback law on the reference; the model feed-forward, when any, is added after it.</summary>
    private sealed class ImpedanceLaw(IReadOnlyList<JointPdGains> gains, ICycleController? reference, JointImpedanceOutput output) : ICycleController
    {
        private readonly JointPdGains[] _gains = gains.ToArray();
        private readonly double[] _hold = new double[gains.Count];

        public string Name => "impedance-law";

        public void Activate(in CycleTime time, in JointState measured)
        {
            reference?.Activate(in time, in measured);
            for (int i = 0; i < _gains.Length; i++) _hold[i] = measured.Position[i];
        }

        public void Update(in CycleTime time, in JointState measured, ref JointCommand command)
        {
            int n = _gains.Length;
            reference?.Update(in time, in measured, ref command);
            bool usable = reference is not null && command.Mode is ControlMode.Position or ControlMode.Impedance && command.JointCount >= n;
            command.Header = new MessageHeader(time.Cycle, time.NowNs);
            command.JointCount = n;
            for (int i = 0; i < n; i++)
            {
                double qRef = usable ? command.Position[i] : _hold[i];
                double qdRef = usable ? command.Velocity[i] : 0;
                double feedForward = usable ? command.Effort[i] : 0;
                if (!usable)
                {
                    command.Position[i] = qRef;
                    command.Velocity[i] = qdRef;
                }
                double k = _gains[i].Stiffness, d = _gains[i].Damping;
                if (output == JointImpedanceOutput.Effort)
                {
                    command.Effort[i] = k * (qRef - measured.Position[i]) + d * (qdRef - measured.Velocity[i]) + feedForward;
                    command.Stiffness[i] = 0;
                    command.Damping[i] = 0;
                }
                else
                {
                    command.Effort[i] = feedForward;
                    command.Stiffness[i] = k;
                    command.Damping[i] = d;
                }
            }
            command.Mode = output == JointImpedanceOutput.Effort ? ControlMode.Effort : ControlMode.Impedance;
        }
    }
}
