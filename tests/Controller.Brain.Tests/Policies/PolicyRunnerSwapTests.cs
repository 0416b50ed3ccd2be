using Controller.Brain.Hosting;
using Controller.Brain.Manifests;
using Controller.Brain.Onnx;
using Controller.Brain.Policies;
using Controller.Brain.Tests.Support;
using Controller.Pipeline.Messages;
using Controller.Pipeline.Rings;

namespace Controller.Brain.Tests.Policies;

/// <summary>Two models in turn on one ring, the second continuing the first's plan (what the brain worker's swap does).</summary>
public sealed class PolicyRunnerSwapTests : IDisposable
{
    private const long RowNs = 20_000_000;
    private readonly TempFolder _folder = new();
    private readonly SpscRing<ActionChunk> _ring = SpscRing<ActionChunk>.Create(4);

    public void Dispose()
    {
        _ring.Dispose();
        _folder.Dispose();
    }

    // Rows ramp from `from` to `to` over 10 rows (state ignored), 2 joints, 50 rows/s, real-time chunking.
    private ModelHost Ramp(string name, float from, float to, string strategy = "real_time_chunking", string limits = "")
    {
        var b = new OnnxGraphBuilder(name);
        var x = b.Input("state", OnnxDataType.Float, 1, 2);
        var bias = new float[20];
        for (int s = 0; s < 10; s++) bias[2 * s] = bias[2 * s + 1] = from + (to - from) * s / 9f;
        b.Output(b.Reshape(b.Add(b.MatMul(x, b.Weights("w", new float[40], 2, 20)), b.Weights("b", bias, 20)), 1, 10, 2), "action", OnnxDataType.Float, 1, 10, 2);
        b.Build().Save(_folder.File(name + ".onnx"));
        _folder.Write(name + ".yaml", $"""
            kind: policy
            model: {name}.onnx
            rate_hz: 10
            inputs: [{"{"}feature: observation.state, tensor: state, shape: [1, 2]{"}"}]
            action: {"{"}tensor: action, shape: [1, 10, 2], meaning: absolute_joint_position, step_hz: 50, strategy: {strategy}{limits}{"}"}
            """);
        return ModelHost.Create(ManifestParser.Load(_folder.File(name + ".yaml")));
    }

    [Fact]
    public void Step_SecondModelContinuingTheFirstsPlan_SeamRowsAreTheOldPlanThenBlendIntoTheNewModel()
    {
        using var first = Ramp("first", 0, 0.9f);
        using var second = Ramp("second", 0.5f, 0.5f);
        var producer = _ring.TakeProducer();
        var consumer = _ring.TakeConsumer();
        var state = new JointState { JointCount = 2 };
        var a = new PolicyRunner(first, 2, producer, modelIndex: 0);
        Assert.Equal(PolicyStepStatus.Published, a.Step(in state, 0));
        Assert.True(consumer.TryRead(out var old));

        var b = new PolicyRunner(second, 2, producer, modelIndex: 1);
        b.Shaper!.ContinueFrom(a.Shaper!);
        // 3.5 rows later: row 3 is executing, so the new chunk starts on the old grid at row 3 and keeps it.
        Assert.Equal(PolicyStepStatus.Published, b.Step(in state, 3 * RowNs + RowNs / 2));
        Assert.True(consumer.TryRead(out var fresh));

        Assert.Equal((1, 3 * RowNs), (fresh.ModelIndex, fresh.StartTimeNs));
        Assert.Equal(old.Row(3)[0], fresh.Row(0)[0]);                                  // continuity: the executing row is the old plan's
        Assert.Equal(0.5f, fresh.Row(fresh.Steps - 1)[0], 5);                          // ends on the new model's output
        for (int s = 1; s < 7; s++)                                                    // the overlap lies between old and new
            Assert.InRange(fresh.Row(s)[0], MathF.Min(old.Row(s + 3)[0], 0.5f) - 1e-6f, MathF.Max(old.Row(s + 3)[0], 0.5f) + 1e-6f);
    }

    [Theory]
    [InlineData("replace")]
    [InlineData("queue")]
    [InlineData("temporal_ensemble")]
    [InlineData("real_time_chunking")]
    public void Step_ShapedThousandsOfTimes_AllocatesNothing(string strategy)
    {
        using var host = Ramp("ramp_" + strategy, 0, 0.9f, strategy, ", max_velocity: 3, max_acceleration: 20, min: [-2, -2], max: [2, 2]");
        var producer = _ring.TakeProducer();
        var consumer = _ring.TakeConsumer();
        var runner = new PolicyRunner(host, 2, producer);
        var state = new JointState { JointCount = 2 };
        long t = 0;
        for (int i = 0; i < 20; i++) { runner.Step(in state, t += 30_000_000); consumer.TryRead(out _); }
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 3000; i++) { runner.Step(in state, t += 30_000_000); consumer.TryRead(out _); }
        Assert.Equal(before, GC.GetAllocatedBytesForCurrentThread());
        Assert.Equal(3020, runner.Count(PolicyStepStatus.Published));
    }
}
