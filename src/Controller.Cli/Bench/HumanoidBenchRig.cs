using Controller.Cerebellum;
using Controller.Cerebellum.Controllers;
using Controller.Cerebellum.Safety;
using Controller.Hardware.Devices;
using Controller.Robotics.Model;
using Controller.Runtime.Assembly;
using Controller.Runtime.Configuration;

namespace Controller.Cli.Bench;

/// <summary>
/// The cycle <c>bench loop --body humanoid</c> measures: the real <see cref="CerebellumCycle"/> over the robot's real
/// buses, built from its configuration exactly as <c>robotctl run</c> builds them (<see cref="RobotHardware"/>). For the
/// shipped Unitree G1 (<c>hardware/g1-29dof/robot.yaml</c>) that is 15 CiA 402 drives on a simulated EtherCAT segment, two
/// MIT-mode CAN arms on the virtual bus and two Dynamixel hands on pseudo-terminals, 43 joints (29 body DoF + two
/// 7-joint hands) over the fixed-base rigid-body plant stepped in real time. Each cycle reads every bus, holds the posture
/// found at activation (<see cref="ChunkFollowingController"/>, no brain) with gravity feed-forward from the robot model
/// (<see cref="ModelFeedForwardController"/>: RNEA at the measured joints, sent as the drives' torque offset), passes the
/// <see cref="SafetySupervisor"/> with the configuration's limits (optionally with the <see cref="MomentumObserver"/>
/// collision residual), and writes every bus.
/// </summary>
public sealed class HumanoidBenchRig : IDisposable
{
    /// <summary>The configuration the humanoid body uses unless told otherwise, relative to the repository root.</summary>
    public const string DefaultConfig = "hardware/g1-29dof/robot.yaml";

    private readonly RobotHardware _hardware;

    private HumanoidBenchRig(RobotHardware hardware, CerebellumCycle cycle, SafetySupervisor safety, bool observer)
    {
        _hardware = hardware;
        Cycle = cycle;
        Safety = safety;
        Observer = observer;
    }

    /// <summary>The robot's model (its URDF).</summary>
    public RobotModel Model => _hardware.Model;

    /// <summary>The configuration the buses were built from.</summary>
    public RobotConfig Config => _hardware.Config;

    /// <summary>The cycle body.</summary>
    public CerebellumCycle Cycle { get; }

    /// <summary>The supervisor inside the cycle (its state and event counts after the run).</summary>
    public SafetySupervisor Safety { get; }

    /// <summary>Whether the momentum observer runs in the supervisor.</summary>
    public bool Observer { get; }

    /// <summary>The buses, in configuration order.</summary>
    public IReadOnlyList<JointBus> Buses => _hardware.Buses;

    /// <summary>Faults counted on the cycle path of every bus so far (timeouts, checksum errors, lost or faulted devices).</summary>
    public long BusFaults => _hardware.Buses.Sum(b => b.Faults);

    /// <summary>Plant steps so far (0 on real hardware).</summary>
    public long PlantSteps => _hardware.PlantSteps;

    /// <summary>The real-time plant's position of <paramref name="joint"/> (rad), what its twin measures; NaN on real hardware. Any thread, no allocation.</summary>
    public double PlantPositionRad(int joint) => _hardware.Plant?.GetPositionRad(joint) ?? double.NaN;

    /// <summary>Builds the rig from <paramref name="config"/>; nothing moves until <see cref="Activate"/>.</summary>
    /// <exception cref="ConfigException">The configuration cannot be built.</exception>
    /// <exception cref="InvalidOperationException">A bus cannot be brought up.</exception>
    public static HumanoidBenchRig Build(RobotConfig config, bool observer)
    {
        var hardware = RobotHardware.Build(config);
        try
        {
            RobotModel model = hardware.Model;
            var controller = new ModelFeedForwardController(new ChunkFollowingController(hardware.Limits), model, FeedForwardMode.Gravity);
            // Thresholds out of reach: the bench measures the observer's cost, it is not looking for collisions.
            var safety = new SafetySupervisor(hardware.Limits, hardware.SafetyOptions,
                collisionResidual: observer ? new MomentumObserver(model, Enumerable.Repeat(1e6, model.DofCount).ToArray()) : null);
            var cycle = new CerebellumCycle(hardware.Buses, new ControllerSlot(controller), safety);
            return new HumanoidBenchRig(hardware, cycle, safety, observer);
        }
        catch
        {
            hardware.Dispose();
            throw;
        }
    }

    /// <summary>Loads <paramref name="configFile"/> (default: <see cref="DefaultConfig"/> found from here upwards) and builds the rig.</summary>
    /// <exception cref="FileNotFoundException">No configuration file was named and the default one was not found.</exception>
    public static HumanoidBenchRig Build(string? configFile, bool observer) => Build(RobotConfigLoader.Load(configFile ?? FindDefaultConfig()), observer);

    /// <summary>
    /// <see cref="DefaultConfig"/> under the current directory or any folder above it, or above robotctl's own folder
    /// (a build output inside the repository).
    /// </summary>
    /// <exception cref="FileNotFoundException">It is in none of them.</exception>
    public static string FindDefaultConfig()
    {
        foreach (string start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                string candidate = Path.Combine(dir.FullName, DefaultConfig);
                if (File.Exists(candidate)) return candidate;
            }
        }

        throw new FileNotFoundException($"the humanoid body's configuration '{DefaultConfig}' was not found above '{Environment.CurrentDirectory}' " +
            $"or '{AppContext.BaseDirectory}'; run from the repository or name one with --robot", DefaultConfig);
    }

    /// <summary>
    /// Starts the plant and takes every bus to Active (as <c>robotctl run</c> does) and hands the cycle their write handles.
    /// No brain feeds this rig, so the watchdog is told the brain spoke far in the future: the supervisor runs its Normal
    /// rules, not the brain-silent hold.
    /// </summary>
    public void Activate()
    {
        Cycle.UseWriters(_hardware.Start());
        Cycle.NoteBrainAlive(long.MaxValue / 2);
    }

    /// <summary>Stops every bus (drives disabled, closed); <see cref="Dispose"/> also stops the twins and the plant.</summary>
    public void Stop() => _hardware.Stop();

    /// <summary>Stops everything.</summary>
    public void Dispose() => _hardware.Dispose();
}
