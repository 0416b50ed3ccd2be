using BenchmarkDotNet.Attributes;
using Controller.Brain.Hosting;
using Controller.Brain.Manifests;
using Microsoft.ML.OnnxRuntime;

namespace Controller.Benchmarks;

/// <summary>
/// What <see cref="ModelHost"/> costs over ONNX Runtime itself, on the demo policy (joint state + goal → a 20 × 7
/// action chunk): the host's <c>Run</c> (IO binding over pinned tensors, deadline watchdog armed) against the bare
/// session's <c>Run</c> with named inputs (the baseline; it allocates its inputs' wrappers and outputs every call,
/// which is why it is on the allocation gate's allow-list) and the bare session's <c>RunWithBinding</c> (what the host
/// adds beyond it is the watchdog and the counters). Same session options for all three.
/// </summary>
[MemoryDiagnoser]
public class InferenceOverheadBenchmarks
{
    private ModelHost _host = null!;
    private InferenceSession _session = null!;
    private OrtIoBinding _binding = null!;
    private RunOptions _runOptions = null!;
    private OrtValue _state = null!, _goal = null!, _action = null!;
    private List<NamedOnnxValue> _named = null!;

    [GlobalSetup]
    public void Setup()
    {
        var manifest = ManifestParser.Load(Path.Combine(AppContext.BaseDirectory, "Data", "demo-policy.yaml"));
        _host = ModelHost.Create(manifest, new HostOptions { DeadlineNs = 50_000_000 });
        foreach (var t in _host.Inputs.Values) t.Floats.Fill(0.1f);

        using var options = new SessionOptions { GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL, IntraOpNumThreads = 1, InterOpNumThreads = 1 };
        options.AddSessionConfigEntry("session.intra_op.allow_spinning", "0");
        _session = new InferenceSession(manifest.ModelPath, options);
        _runOptions = new RunOptions();
        float[] state = Enumerable.Repeat(0.1f, 7).ToArray(), goal = Enumerable.Repeat(0.1f, 7).ToArray();
        _state = OrtValue.CreateTensorValueFromMemory(state, [1, 7]);
        _goal = OrtValue.CreateTensorValueFromMemory(goal, [1, 7]);
        _action = OrtValue.CreateTensorValueFromMemory(new float[20 * 7], [1, 20, 7]);
        _binding = _session.CreateIoBinding();
        _binding.BindInput("state", _state);
        _binding.BindInput("goal", _goal);
        _binding.BindOutput("action", _action);
        _named =
        [
            NamedOnnxValue.CreateFromTensor("state", new Microsoft.ML.OnnxRuntime.Tensors.DenseTensor<float>(state, [1, 7])),
            NamedOnnxValue.CreateFromTensor("goal", new Microsoft.ML.OnnxRuntime.Tensors.DenseTensor<float>(goal, [1, 7])),
        ];
    }

    /// <summary>The bare session's convenience API: named inputs in, a disposable collection of outputs back.</summary>
    [Benchmark(Baseline = true)]
    public float BareSession_Run()
    {
        using var results = _session.Run(_named);
        return results[0].AsTensor<float>()[0, 0, 0];
    }

    /// <summary>The bare session with IO binding over preallocated tensors.</summary>
    [Benchmark]
    public float BareSession_RunWithBinding()
    {
        _session.RunWithBinding(_runOptions, _binding);
        return _action.GetTensorDataAsSpan<float>()[0];
    }

    /// <summary>The host: IO binding, deadline watchdog armed and disarmed, counters.</summary>
    [Benchmark]
    public float ModelHost_Run()
    {
        return _host.Run() == InferenceStatus.Ok ? _host.Outputs["action"].Floats[0] : float.NaN;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _host.Dispose();
        _binding.Dispose();
        _runOptions.Dispose();
        _state.Dispose();
        _goal.Dispose();
        _action.Dispose();
        _session.Dispose();
    }
}
