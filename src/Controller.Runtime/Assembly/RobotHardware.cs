using Controller.Cerebellum.Joints;
using Controller.Cerebellum.Safety;
using Controller.Hardware.Devices;
using Controller.Pipeline.Messages;
using Controller.Robotics.Model;
using Controller.Robotics.Simulation;
using Controller.Robotics.Spatial;
using Controller.Robotics.Urdf;
using Controller.Runtime.Configuration;
using Controller.Runtime.Simulation;

namespace Controller.Runtime.Assembly;

/// <summary>
/// The joint buses of a configuration with what they need, built as <see cref="RobotRuntime"/> builds them: the robot
/// model, the loop's joint limits and safety options, for a simulated robot the rigid-body plant placed at its initial
/// positions and its real-time stepper, and every bus through <see cref="BusFactory"/> (for <c>sim</c> ports the device
/// twins on the plant, speaking the wire protocol to the real drivers). For tools that run their own cycle over the
/// robot's real devices (<c>robotctl bench loop --body humanoid</c>); no loop, brain, scene or recorder is built.
/// </summary>
public sealed class RobotHardware : IDisposable
{
    private readonly List<IDisposable> _owned = [];
    private readonly List<JointBus> _buses = [];
    private readonly PlantStepper? _stepper;
    private int _stopped;
    private bool _started;

    private RobotHardware(RobotConfig config)
    {
        Config = config;
        Model = RobotModel.FromUrdf(UrdfParser.ParseFile(config.UrdfPath));
        Limits = JointLimitsFactory.Build(Model, config);
        SafetyOptions = SimulatedPlantFactory.SafetyOptionsFor(config);
        try
        {
            if (config.Plant is { } plantConfig)
            {
                // The same plant as the runtime's: armature, obstacles, contact spheres, initial positions.
                Plant = SimulatedPlantFactory.Create(Model, config, plantConfig);
                _stepper = new PlantStepper(Plant, plantConfig.RateHz);
                _owned.Add(_stepper);
            }

            foreach (BusConfig bus in config.Buses)
            {
                _buses.Add(BusFactory.Build(bus, Model, Plant, _owned));
            }
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    /// <summary>The configuration it was built from.</summary>
    public RobotConfig Config { get; }

    /// <summary>The robot model from the URDF.</summary>
    public RobotModel Model { get; }

    /// <summary>The loop's joint limits: the URDF's, tightened by the configuration (as the runtime's supervisor gets them).</summary>
    public JointLimitSet Limits { get; }

    /// <summary>The supervisor's options from the configuration's <c>safety:</c> section.</summary>
    public SafetyOptions SafetyOptions { get; }

    /// <summary>The plant, for a simulated robot (stepped in real time from <see cref="Start"/> on).</summary>
    public RigidBodyPlant? Plant { get; }

    /// <summary>Plant steps taken so far (0 without a plant).</summary>
    public long PlantSteps => _stepper?.Steps ?? 0;

    /// <summary>The joint buses, in configuration order.</summary>
    public IReadOnlyList<JointBus> Buses => _buses;

    /// <summary>Builds everything <paramref name="config"/> describes for its buses; nothing moves until <see cref="Start"/>.</summary>
    /// <exception cref="ConfigException">The configuration cannot be built (a limit outside the URDF's).</exception>
    /// <exception cref="InvalidOperationException">A bus cannot be brought up (a simulated bus without a plant, a missing slave).</exception>
    public static RobotHardware Build(RobotConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return new RobotHardware(config);
    }

    /// <summary>
    /// Starts the physics (simulated robots), then takes every bus to Active as <see cref="RobotRuntime.Start()"/> does:
    /// configure, a few reads while only reading is allowed (the first cyclic exchange JIT-compiles the read path and may
    /// outlast the reply timeout: such cold-start misses are recovered), activate. Returns the write handles, in bus order.
    /// </summary>
    public IReadOnlyList<JointBusWriter> Start()
    {
        if (_started)
        {
            throw new InvalidOperationException($"robot '{Config.Name}': its buses were already started; build a new RobotHardware to start again");
        }

        _started = true;
        _stepper?.Start();
        var warmUp = new JointState { JointCount = Model.DofCount };
        foreach (JointBus bus in _buses)
        {
            bus.Configure();
            for (int i = 0; i < 20; i++)
            {
                bus.Read(ref warmUp);
            }

            if (bus.State == DeviceState.Faulted)
            {
                bus.Recover();
            }
        }

        return _buses.Select(b => b.Activate()).ToArray();
    }

    /// <summary>Stops every bus after <see cref="Start"/> (drives disabled, closed); safe to call more than once. <see cref="Dispose"/> stops the twins and the plant.</summary>
    public void Stop()
    {
        if (!_started || Interlocked.Exchange(ref _stopped, 1) != 0)
        {
            return;
        }

        foreach (JointBus bus in _buses)
        {
            bus.Stop();
        }
    }

    /// <summary>Stops the buses if still running, then the twins and the plant's stepper.</summary>
    public void Dispose()
    {
        Stop();
        for (int i = _owned.Count - 1; i >= 0; i--)
        {
            _owned[i].Dispose();
        }

        _owned.Clear();
    }
}
