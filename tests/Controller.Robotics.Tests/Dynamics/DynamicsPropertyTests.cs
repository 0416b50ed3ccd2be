using Controller.Robotics.Dynamics;
using Controller.Robotics.Kinematics;
using Controller.Robotics.Model;
using Controller.Robotics.Tests.Support;
using FsCheck;
using FsCheck.Fluent;

namespace Controller.Robotics.Tests.Dynamics;

/// <summary>
/// Invariants of the dynamics on whole robots (the G1 is a tree, which the KDL chains do not exercise):
/// M(q) symmetric positive-definite, RNEA = M·q̈ + bias, ABA inverts RNEA.
/// </summary>
public class DynamicsPropertyTests
{
    private static readonly RobotModel[] Models =
    [
        TestRobots.G1Whole(), TestRobots.PandaArm(), RobotModel.FromUrdf(TestRobots.Panda), TestRobots.So101Whole(),
        TestRobots.So101Whole().WithArmature([0.01, 0.02, 0.01, 0.005, 0.003, 0.001]),
    ];

    private static Arbitrary<(int Model, int Seed)> Cases() =>
        Gen.Choose(0, Models.Length - 1).SelectMany(m => Gen.Choose(0, int.MaxValue - 1).Select(s => (m, s))).ToArbitrary();

    private static (RobotModel Model, RobotData Data, double[] Q, double[] Qd, double[] Qdd) RandomMotion((int Model, int Seed) c)
    {
        RobotModel model = Models[c.Model];
        var random = new Random(c.Seed);
        double[] q = TestRobots.RandomConfiguration(model, random);
        return (model, new RobotData(model), q, TestRobots.RandomVector(model.DofCount, random, 2), TestRobots.RandomVector(model.DofCount, random, 5));
    }

    [Fact]
    public void MassMatrix_RandomConfigurations_SymmetricPositiveDefinite()
    {
        Prop.ForAll(Cases(), c =>
        {
            RobotModel model = Models[c.Model];
            var data = new RobotData(model);
            MassMatrix.Compute(data, TestRobots.RandomConfiguration(model, new Random(c.Seed)));
            int n = model.DofCount;
            for (int i = 0; i < n; i++)
            {
                for (int j = 0; j < n; j++)
                {
                    Assert.Equal(data.MassMatrixAt(i, j), data.MassMatrixAt(j, i), 12);
                }
            }

            Assert.True(Cholesky.TryFactor(data.MassMatrix, n), $"M(q) of {model.Name} is not positive-definite");
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Rnea_RandomMotion_EqualsMassMatrixTimesAccelerationPlusBias()
    {
        Prop.ForAll(Cases(), c =>
        {
            var (model, data, q, qd, qdd) = RandomMotion(c);
            int n = model.DofCount;
            var tau = new double[n];
            var bias = new double[n];
            InverseDynamics.Compute(data, q, qd, qdd, tau);
            InverseDynamics.Bias(data, q, qd, bias);
            MassMatrix.Compute(data, q);
            for (int i = 0; i < n; i++)
            {
                double expected = bias[i];
                for (int j = 0; j < n; j++)
                {
                    expected += data.MassMatrixAt(i, j) * qdd[j];
                }

                Assert.True(Math.Abs(expected - tau[i]) < 1e-9 * (1 + Math.Abs(tau[i])), $"{model.Name} joint {i}: M·q̈+b = {expected}, RNEA {tau[i]}");
            }
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Aba_OfRneaTorques_ReturnsTheAccelerations()
    {
        Prop.ForAll(Cases(), c =>
        {
            var (model, data, q, qd, qdd) = RandomMotion(c);
            int n = model.DofCount;
            var tau = new double[n];
            var result = new double[n];
            InverseDynamics.Compute(data, q, qd, qdd, tau);
            ForwardDynamics.Compute(data, q, qd, tau, result);
            for (int i = 0; i < n; i++)
            {
                Assert.True(Math.Abs(result[i] - qdd[i]) < 1e-6 * (1 + Math.Abs(qdd[i])), $"{model.Name} joint {i}: ABA {result[i]}, wanted {qdd[i]}");
            }
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Rnea_ExternalForceOnTip_AddsJacobianTransposeTimesWrench()
    {
        // τ(f_ext) = τ(0) − Jᵀ·w: a wrench pushing on the hand is felt at every joint through the Jacobian.
        RobotModel model = TestRobots.PandaArm();
        var data = new RobotData(model);
        var random = new Random(7);
        int n = model.DofCount;
        double[] q = TestRobots.RandomConfiguration(model, random);
        int hand = model.FrameIndex("panda_hand");
        ForwardKinematics.Compute(data, q);
        var pose = data.FramePose(hand);
        var forceWorld = new Spatial.Vec3(3, -2, 5);
        var momentWorld = new Spatial.Vec3(0.2, 0.1, -0.3);

        // The wrench at the hand origin, moved to the last body's frame (the hand is fixed to body n-1).
        var bodyPose = data.BodyPoses[n - 1];
        var aboutBodyOrigin = momentWorld + Spatial.Vec3.Cross(pose.Translation - bodyPose.Translation, forceWorld);
        var inBody = new Spatial.Force(
            Spatial.Mat3.TransposeTimes(bodyPose.Rotation, aboutBodyOrigin),
            Spatial.Mat3.TransposeTimes(bodyPose.Rotation, forceWorld));
        var external = new Spatial.Force[n];
        external[n - 1] = inBody;

        var free = new double[n];
        var pushed = new double[n];
        InverseDynamics.Gravity(data, q, free);
        InverseDynamics.Compute(data, q, default, default, pushed, external);
        var jacobian = new double[6 * n];
        ForwardKinematics.Compute(data, q);
        FrameJacobian.Compute(data, hand, jacobian);
        double[] w = [forceWorld.X, forceWorld.Y, forceWorld.Z, momentWorld.X, momentWorld.Y, momentWorld.Z];
        for (int j = 0; j < n; j++)
        {
            double jtw = 0;
            for (int r = 0; r < 6; r++)
            {
                jtw += jacobian[r * n + j] * w[r];
            }

            Assert.Equal(free[j] - jtw, pushed[j], 9);
        }
    }
}
