using Controller.Cerebellum;
using Controller.Cerebellum.Controllers;
using Controller.Cerebellum.Joints;
using Controller.Cerebellum.Safety;
using Controller.Hardware.Devices;
using Controller.Robotics.Model;
using Controller.Robotics.Urdf;

namespace Controller.Cli.Bench;

/// <summary>
/// The cycle <c>bench loop --body humanoid</c> measures: the real <see cref="CerebellumCycle"/> for the Unitree G1 29-DoF
/// (the URDF the model tests and <c>HumanoidCycleBenchmarks</c> use, pelvis pinned), reading and writing five in-process
/// buses (legs, waist, arms — <see cref="SwayingJointsDriver"/>), running joint PD with gravity feed-forward from the
/// robot model (RNEA at the measured joints) and the <see cref="SafetySupervisor"/>, optionally with the
/// <see cref="MomentumObserver"/> collision residual (CRBA + RNEA more per cycle). Same gains and limits as
/// <c>HumanoidCycleBenchmarks</c>, so the two figures compare.
/// </summary>
public sealed class HumanoidBenchRig
{
    /// <summary>Name of the embedded URDF resource.</summary>
    public const string UrdfResource = "unitree_g1_29dof.urdf";

    private static readonly (string Name, int Joints)[] G1Buses = [("left-leg", 6), ("right-leg", 6), ("waist", 3), ("left-arm", 7), ("right-arm", 7)];
    private readonly JointBus[] _buses;

    private HumanoidBenchRig(RobotModel model, JointBus[] buses, CerebellumCycle cycle, SafetySupervisor safety, bool observer)
    {
        Model = model;
        _buses = buses;
        Cycle = cycle;
        Safety = safety;
        Observer = observer;
    }

    /// <summary>The G1 model.</summary>
    public RobotModel Model { get; }

    /// <summary>The cycle body.</summary>
    public CerebellumCycle Cycle { get; }

    /// <summary>The supervisor inside the cycle (its state and event counts after the run).</summary>
    public SafetySupervisor Safety { get; }

    /// <summary>Whether the momentum observer runs in the supervisor.</summary>
    public bool Observer { get; }

    /// <summary>The buses, in joint order.</summary>
    public IReadOnlyList<JointBus> Buses => _buses;

    /// <summary>Builds the rig for a loop at <paramref name="rateHz"/>; nothing is active until <see cref="Activate"/>.</summary>
    public static HumanoidBenchRig Build(double rateHz, bool observer)
    {
        RobotModel model = RobotModel.FromUrdf(UrdfParser.Parse(ReadUrdf(), UrdfResource));
        int n = model.DofCount;
        var home = new double[n];
        for (int j = 0; j < n; j++)
        {
            // Mid-range, away from the limits (the same home as HumanoidCycleBenchmarks).
            home[j] = 0.5 * (Math.Max(model.Joints[j].LowerLimit, -1) + Math.Min(model.Joints[j].UpperLimit, 1));
        }

        var buses = new List<JointBus>();
        int offset = 0;
        foreach (var (name, joints) in n == 29 ? G1Buses : [("all", n)])
        {
            buses.Add(new JointBus(new SwayingJointsDriver(name, home[offset..(offset + joints)], offset, rateHz), offset));
            offset += joints;
        }

        var limits = new JointLimitSet(model.Joints.Select(j => new JointLimits(j.Name, j.LowerLimit, j.UpperLimit, 10, 100, 5000, 500)));
        var pd = new JointPdController(Enumerable.Range(0, n).Select(_ => new JointPdGains(100, 5)).ToArray());
        var controller = new ModelFeedForwardController(pd, model);
        // Thresholds out of reach: the sway is not the model's motion, so its residual is not a collision; the cost is.
        var safety = new SafetySupervisor(limits, new SafetyOptions(),
            collisionResidual: observer ? new MomentumObserver(model, Enumerable.Repeat(1e6, n).ToArray()) : null);
        var cycle = new CerebellumCycle(buses, new ControllerSlot(controller), safety);
        return new HumanoidBenchRig(model, buses.ToArray(), cycle, safety, observer);
    }

    /// <summary>
    /// Configures and activates every bus and hands the cycle their write handles. No brain feeds this rig, so the
    /// watchdog is told the brain spoke far in the future: the supervisor runs its Normal rules, not the brain-silent hold.
    /// </summary>
    public void Activate()
    {
        foreach (JointBus bus in _buses) bus.Configure();
        Cycle.UseWriters(_buses.Select(b => b.Activate()).ToArray());
        Cycle.NoteBrainAlive(long.MaxValue / 2);
    }

    /// <summary>Stops every bus (drives disabled, closed).</summary>
    public void Stop()
    {
        foreach (JointBus bus in _buses) bus.Stop();
    }

    private static string ReadUrdf()
    {
        using Stream stream = typeof(HumanoidBenchRig).Assembly.GetManifestResourceStream(UrdfResource)
            ?? throw new InvalidOperationException($"the embedded resource '{UrdfResource}' is missing from robotctl (see Controller.Cli.csproj)");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
