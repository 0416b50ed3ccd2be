using BenchmarkDotNet.Attributes;
using Controller.Cerebellum.Controllers;
using Controller.Cerebellum.Joints;
using Controller.Cerebellum.Loop;
using Controller.Cerebellum.Safety;
using Controller.Pipeline.Messages;
using Controller.Robotics.Model;
using Controller.Robotics.Urdf;

namespace Controller.Benchmarks;

/// <summary>
/// Issue #3's compute budget for the 29-DoF humanoid (Unitree G1, pelvis pinned): per cycle, a PD controller with
/// gravity compensation from the robot model (RNEA at the measured joints), then the safety supervisor, without and
/// with the momentum-observer collision residual (CRBA + RNEA). No I/O. Budget: under 20 µs per cycle.
/// </summary>
[MemoryDiagnoser]
public class HumanoidCycleBenchmarks
{
    private const long PeriodNs = 1_000_000;
    private ICycleController _controller = null!;
    private SafetySupervisor _plainSafety = null!;
    private SafetySupervisor _observedSafety = null!;
    private JointState _measured;
    private JointCommand _command;
    private SafetyInputs _inputs;
    private long _cycle;

    [GlobalSetup]
    public void Setup()
    {
        var robot = UrdfParser.ParseFile(Path.Combine(AppContext.BaseDirectory, "Data", "unitree_g1_29dof.urdf"));
        RobotModel model = RobotModel.FromUrdf(robot);
        int n = model.DofCount;
        var limits = new JointLimitSet(model.Joints.Select(j => new JointLimits(j.Name, j.LowerLimit, j.UpperLimit, 10, 100, 5000, 500)));
        var pd = new JointPdController(Enumerable.Range(0, n).Select(_ => new JointPdGains(100, 5)).ToArray());
        _controller = new ModelFeedForwardController(pd, model);
        _plainSafety = new SafetySupervisor(limits, new SafetyOptions());
        _observedSafety = new SafetySupervisor(limits, new SafetyOptions(), collisionResidual: new MomentumObserver(model, Enumerable.Repeat(1e6, n).ToArray()));
        _measured = new JointState { JointCount = n, FreshMask = (1UL << n) - 1 };
        for (int j = 0; j < n; j++)
        {
            _measured.Position[j] = 0.5 * (Math.Max(model.Joints[j].LowerLimit, -1) + Math.Min(model.Joints[j].UpperLimit, 1));
        }

        _controller.Activate(Time(), _measured);
        _inputs.LastBrainMessageNs = long.MaxValue / 2;
    }

    /// <summary>PD + gravity compensation (RNEA) + safety supervisor.</summary>
    [Benchmark(Baseline = true)]
    public void PdGravitySafety_G1()
    {
        CycleTime time = Time();
        _controller.Update(time, _measured, ref _command);
        _plainSafety.Apply(time, _measured, ref _command, _inputs);
        _cycle++;
    }

    /// <summary>As above, plus the momentum-observer collision residual in the supervisor.</summary>
    [Benchmark]
    public void PdGravitySafetyObserver_G1()
    {
        CycleTime time = Time();
        _controller.Update(time, _measured, ref _command);
        _observedSafety.Apply(time, _measured, ref _command, _inputs);
        _cycle++;
    }

    private CycleTime Time() => new(_cycle, 1_000_000_000 + _cycle * PeriodNs, 1_000_000_000 + (_cycle + 1) * PeriodNs, PeriodNs, PeriodNs);
}
