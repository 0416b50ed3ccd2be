using Controller.Brain.Hosting;
using Controller.Brain.Manifests;
using Controller.Brain.Onnx;
using Controller.Brain.Policies;
using Controller.Brain.Tests.Support;
using Controller.Pipeline.Messages;
using Controller.Pipeline.Rings;

namespace Controller.Brain.Tests.Policies;

public sealed class PolicyRunnerTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly ModelHost _host;
    private readonly SpscRing<ActionChunk> _ring = SpscRing<ActionChunk>.Create(4);
    private readonly SpscProducer<ActionChunk> _producer;
    private readonly SpscConsumer<ActionChunk> _consumer;

    public PolicyRunnerTests()
    {
        // raw row k = s·(1 + 0.1k) where s = state·(state/state): NaN when a joint is exactly 0.
        var b = new OnnxGraphBuilder("linear_policy");
        var x = b.Input("state", OnnxDataType.Float, 1, 2);
        var s = b.Mul(x, b.Div(x, x));
        var w = new float[2 * 8];
        for (int k = 0; k < 4; k++) for (int j = 0; j < 2; j++) w[j * 8 + k * 2 + j] = 1 + 0.1f * k;
        b.Output(b.Reshape(b.MatMul(s, b.Weights("w", w, 2, 8)), 1, 4, 2), "action", OnnxDataType.Float, 1, 4, 2);
        b.Build().Save(_folder.File("linear.onnx"));
        _folder.Write("linear.yaml", """
            kind: policy
            model: linear.onnx
            rate_hz: 10
            inputs: [{feature: observation.state, tensor: state, shape: [1, 2]}]
            stats:
              features:
                action: {mean: [0, 0], std: [2, 2]}
            action:
              tensor: action
              shape: [1, 4, 2]
              meaning: absolute_joint_position
              step_hz: 20
              execute_steps: 3
              normalize: mean_std
              min: [-10, -10]
              max: [10, 10]
              max_jump: 2.5
            """);
        _host = ModelHost.Create(ManifestParser.Load(_folder.File("linear.yaml")));
        _producer = _ring.TakeProducer();
        _consumer = _ring.TakeConsumer();
    }

    public void Dispose()
    {
        _host.Dispose();
        _ring.Dispose();
        _folder.Dispose();
    }

    private static JointState State(double a, double b)
    {
        var s = new JointState { JointCount = 2 };
        s.Position[0] = a; s.Position[1] = b;
        return s;
    }

    [Fact]
    public void Step_GoodOutput_PublishesUnnormalisedChunk()
    {
        var runner = new PolicyRunner(_host, 2, _producer, modelIndex: 3);
        // state [1, −1] → raw rows s(1 + .1k); action = raw·2: rows [2, −2], [2.2, −2.2], [2.4, −2.4]. Jump state→row 0: 1 ≤ 2.5.
        Assert.Equal(PolicyStepStatus.Published, runner.Step(State(1, -1), 5_000));
        Assert.True(_consumer.TryRead(out var chunk));
        Assert.Equal((3, 2, ActionKind.AbsoluteJointPosition, 3, 50_000_000L, 5_000L, 1L), (chunk.Steps, chunk.Dimension, chunk.Kind, chunk.ModelIndex, chunk.StepPeriodNs, chunk.StartTimeNs, chunk.Header.Sequence));
        Assert.Equal(2.4f, chunk.Row(2)[0], 1e-5f);
        Assert.Equal(-2.2f, chunk.Row(1)[1], 1e-5f);
    }

    [Theory]
    [InlineData(0.0, 1.0, PolicyStepStatus.RejectedNotFinite)]   // 0/0 inside the model
    [InlineData(4.5, 4.5, PolicyStepStatus.RejectedOutOfRange)]  // row 2 = 4.5·1.2·2 = 10.8 > 10
    [InlineData(3.0, 0.5, PolicyStepStatus.RejectedJump)]        // state 3 → row 0 = 6: jump 3 > 2.5
    public void Step_BadOutput_RejectedCountedNothingPublished(double a, double b, PolicyStepStatus expected)
    {
        var runner = new PolicyRunner(_host, 2, _producer);
        Assert.Equal(expected, runner.Step(State(a, b), 0));
        Assert.Equal(1, runner.Count(expected));
        Assert.Equal(0, _ring.Count);
    }

    [Fact]
    public void Step_RingFull_CountedNotBlocking()
    {
        var runner = new PolicyRunner(_host, 2, _producer);
        for (int i = 0; i < 4; i++) Assert.Equal(PolicyStepStatus.Published, runner.Step(State(1, 1), i));
        Assert.Equal(PolicyStepStatus.RingFull, runner.Step(State(1, 1), 9));
        Assert.Equal(1, runner.Count(PolicyStepStatus.RingFull));
    }

    [Fact]
    public void Step_ThousandsOfSteps_AllocatesNothing()
    {
        var runner = new PolicyRunner(_host, 2, _producer);
        var good = State(1, -1);
        var bad = State(3, 0.5);
        for (int i = 0; i < 10; i++) { runner.Step(in good, i); _consumer.TryRead(out _); }
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 3000; i++)
        {
            runner.Step(in good, i);
            runner.Step(in bad, i);
            _consumer.TryRead(out _);
        }
        Assert.Equal(before, GC.GetAllocatedBytesForCurrentThread());
        Assert.Equal(3010, runner.Count(PolicyStepStatus.Published));
        Assert.Equal(3000, runner.Count(PolicyStepStatus.RejectedJump));
    }
}
