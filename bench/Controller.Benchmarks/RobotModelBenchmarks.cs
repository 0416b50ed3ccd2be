using BenchmarkDotNet.Attributes;
using Controller.Robotics.Dynamics;
using Controller.Robotics.Kinematics;
using Controller.Robotics.Model;
using Controller.Robotics.Simulation;
using Controller.Robotics.Urdf;

namespace Controller.Benchmarks;

/// <summary>
/// The robot model's hot paths on the 29-DoF Unitree G1 (pelvis pinned): what the cerebellum pays per cycle for
/// gravity compensation and a Jacobian (issue #4's budget: FK + Jacobian + RNEA under 10 µs, 0 B), and what the
/// simulated plant pays per step.
/// </summary>
[MemoryDiagnoser]
public class RobotModelBenchmarks
{
    private RobotData _data = null!;
    private RigidBodyPlant _plant = null!;
    private double[] _q = null!, _qd = null!, _qdd = null!, _tau = null!, _jacobian = null!;
    private int _hand;

    [GlobalSetup]
    public void Setup()
    {
        var robot = UrdfParser.ParseFile(Path.Combine(AppContext.BaseDirectory, "Data", "unitree_g1_29dof.urdf"));
        RobotModel model = RobotModel.FromUrdf(robot);
        _data = new RobotData(model);
        int n = model.DofCount;
        var random = new Random(1);
        _q = Enumerable.Range(0, n).Select(_ => random.NextDouble() - 0.5).ToArray();
        _qd = Enumerable.Range(0, n).Select(_ => random.NextDouble() - 0.5).ToArray();
        _qdd = Enumerable.Range(0, n).Select(_ => random.NextDouble() - 0.5).ToArray();
        _tau = new double[n];
        _jacobian = new double[6 * n];
        _hand = model.FrameIndex("left_wrist_yaw_link");
        _plant = new RigidBodyPlant(model, new PlantOptions { Integrator = PlantIntegrator.SemiImplicitEuler });
    }

    /// <summary>Forward kinematics of every body, one frame's Jacobian, and full RNEA: the per-cycle model work.</summary>
    [Benchmark(Baseline = true)]
    public void FkJacobianRnea_G1()
    {
        ForwardKinematics.Compute(_data, _q);
        FrameJacobian.Compute(_data, _hand, _jacobian);
        InverseDynamics.Compute(_data, _q, _qd, _qdd, _tau);
    }

    /// <summary>Gravity torques alone (gravity compensation).</summary>
    [Benchmark]
    public void GravityTorques_G1() => InverseDynamics.Gravity(_data, _q, _tau);

    /// <summary>CRBA mass matrix.</summary>
    [Benchmark]
    public void MassMatrix_G1() => MassMatrix.Compute(_data, _q);

    /// <summary>ABA forward dynamics: one evaluation.</summary>
    [Benchmark]
    public void Aba_G1() => ForwardDynamics.Compute(_data, _q, _qd, _tau, _qdd);

    /// <summary>One plant step (semi-implicit Euler: one ABA plus joint torques).</summary>
    [Benchmark]
    public void PlantStep_G1() => _plant.Step(0.001);
}
