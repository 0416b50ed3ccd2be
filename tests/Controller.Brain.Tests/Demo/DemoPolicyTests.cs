using Controller.Brain.Demo;
using Controller.Brain.Hosting;
using Controller.Brain.Manifests;
using Controller.Brain.Tests.Support;
using Controller.Pipeline.Messages;
using FsCheck;
using FsCheck.Fluent;

namespace Controller.Brain.Tests.Demo;

/// <summary>The committed models/demo-policy.onnx against the hand computation.</summary>
public sealed class DemoPolicyTests : IDisposable
{
    private const int J = DemoModelGenerator.Joints, H = DemoModelGenerator.Horizon;
    private readonly ModelHost _host = ModelHost.Create(ManifestParser.Load(RepoPaths.Model(DemoModelGenerator.PolicyManifestFile)));
    private readonly ObservationAssembler _observation;

    public DemoPolicyTests() => _observation = new ObservationAssembler(_host, J);

    public void Dispose() => _host.Dispose();

    private float[] Run(double[] q, double[] goal)
    {
        var state = new JointState { JointCount = J };
        for (int j = 0; j < J; j++) state.Position[j] = q[j];
        Assert.Equal(AssemblyStatus.Ok, _observation.SetState(in state));
        Assert.Equal(AssemblyStatus.Ok, _observation.SetGoal(goal));
        Assert.Equal(InferenceStatus.Ok, _host.Run());
        return _host.Outputs["action"].Floats.ToArray();
    }

    private static double[] RandomJoints(Random r) => Enumerable.Range(0, J).Select(_ => r.NextDouble() * 4 - 2).ToArray();

    [Fact]
    public void Run_RandomStateAndGoal_EqualsHandComputation()
    {
        Prop.ForAll(Gen.Choose(0, int.MaxValue - 1).ToArbitrary(), seed =>
        {
            var random = new Random(seed);
            double[] q = RandomJoints(random), g = RandomJoints(random);
            var rows = Run(q, g);
            for (int k = 0; k < H; k++)
            {
                double t = (k + 1.0) / H, s = t * t * (3 - 2 * t);
                for (int j = 0; j < J; j++) Assert.Equal(q[j] + s * (g[j] - q[j]), rows[k * J + j], 1e-5);
            }
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Run_Rows_MoveMonotonicallyFromStateToGoal()
    {
        var random = new Random(7);
        for (int trial = 0; trial < 20; trial++)
        {
            double[] q = RandomJoints(random), g = RandomJoints(random);
            var rows = Run(q, g);
            for (int j = 0; j < J; j++)
            {
                double previousDistance = Math.Abs(g[j] - q[j]);
                for (int k = 0; k < H; k++)
                {
                    double distance = Math.Abs(g[j] - rows[k * J + j]);
                    Assert.True(distance <= previousDistance + 1e-6, $"joint {j} row {k}: {distance} after {previousDistance}");
                    Assert.True(Math.Sign(rows[k * J + j] - q[j]) * Math.Sign(g[j] - q[j]) >= 0 || Math.Abs(rows[k * J + j] - q[j]) < 1e-6);
                    previousDistance = distance;
                }
                Assert.Equal(g[j], rows[(H - 1) * J + j], 1e-5);
            }
        }
    }

    [Fact]
    public void Ease_StartsSmallRisesSmoothlyEndsAtOne()
    {
        Assert.InRange(DemoPolicyGraph.Ease(0, H), 0, 0.01);
        Assert.Equal(1.0, DemoPolicyGraph.Ease(H - 1, H), 12);
        double maxStep = 0;
        for (int k = 1; k < H; k++)
        {
            double step = DemoPolicyGraph.Ease(k, H) - DemoPolicyGraph.Ease(k - 1, H);
            Assert.True(step > 0);
            maxStep = Math.Max(maxStep, step);
        }
        Assert.True(maxStep <= 1.5 / H + 1e-9);   // smoothstep's steepest slope is 1.5
    }
}
