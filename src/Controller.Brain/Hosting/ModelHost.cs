using System.Diagnostics;
using Controller.Brain.Manifests;
using Microsoft.ML.OnnxRuntime;

namespace Controller.Brain.Hosting;

/// <summary>
/// Owns one ONNX model: the <see cref="InferenceSession"/> with documented options, every input and output
/// preallocated (<see cref="HostTensor"/>) and bound once through <see cref="OrtIoBinding"/>, a warm-up, a
/// deadline per run. <see cref="Run"/> allocates nothing in steady state (tested over thousands of calls);
/// its errors are status values and counters. Create and dispose off the loop thread; use from one thread.
/// </summary>
public sealed class ModelHost : IDisposable
{
    private readonly InferenceSession _session;
    private readonly RunOptions _runOptions = new();
    private readonly OrtIoBinding _binding;
    private readonly DeadlineWatchdog? _watchdog;
    private readonly Dictionary<string, HostTensor> _inputs = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HostTensor> _outputs = new(StringComparer.Ordinal);
    private readonly (HostTensor From, HostTensor To)[] _recurrent;
    private readonly long _deadlineNs;

    private ModelHost(ModelManifest manifest, HostOptions options)
    {
        Manifest = manifest;
        Options = options;
        using var sessionOptions = CreateSessionOptions(options);
        try { _session = new InferenceSession(manifest.ModelPath, sessionOptions); }
        catch (OnnxRuntimeException e) { throw new ManifestException(manifest.ManifestPath, [$"model: ONNX Runtime cannot load '{manifest.ModelPath}': {e.Message}"]); }
        try
        {
            ManifestValidator.Validate(manifest, ModelSignature.Of(_session));
            foreach (var i in manifest.Inputs) _inputs[i.Tensor] = new HostTensor(i.Tensor, i.Type, i.Shape);
            foreach (var r in manifest.RecurrentStates)
            {
                _inputs[r.Input] = new HostTensor(r.Input, TensorType.Float32, r.Shape);
                _outputs[r.Output] = new HostTensor(r.Output, TensorType.Float32, r.Shape);
            }
            if (manifest.Action is { } a) _outputs[a.Tensor] = new HostTensor(a.Tensor, TensorType.Float32, a.Shape);
            if (manifest.Planner is { } p)
            {
                _outputs[p.SkillTensor] = new HostTensor(p.SkillTensor, TensorType.Float32, p.SkillShape);
                foreach (var arg in p.Arguments) _outputs.TryAdd(arg.Tensor, new HostTensor(arg.Tensor, TensorType.Float32, arg.Shape));
            }
            _recurrent = manifest.RecurrentStates.Select(r => (_outputs[r.Output], _inputs[r.Input])).ToArray();
            _binding = _session.CreateIoBinding();
            foreach (var t in _inputs.Values) _binding.BindInput(t.Name, t.Value);
            // Outputs the manifest does not use still need a place: let ORT allocate those on the CPU.
            foreach (string name in _session.OutputNames)
            {
                if (_outputs.TryGetValue(name, out var t)) _binding.BindOutput(name, t.Value);
                else _binding.BindOutputToDevice(name, OrtMemoryInfo.DefaultInstance);
            }
            _deadlineNs = options.DeadlineNs;
            if (_deadlineNs > 0) _watchdog = new DeadlineWatchdog(_runOptions);
            for (int i = 0; i < options.WarmUpRuns; i++)
            {
                _session.RunWithBinding(_runOptions, _binding);
                ResetRecurrentState();
            }
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    /// <summary>The manifest this host runs.</summary>
    public ModelManifest Manifest { get; }

    /// <summary>The options it was created with.</summary>
    public HostOptions Options { get; }

    /// <summary>Runs attempted.</summary>
    public long Calls { get; private set; }

    /// <summary>Runs terminated or finished after the deadline.</summary>
    public long DeadlineMisses { get; private set; }

    /// <summary>Runs ONNX Runtime failed.</summary>
    public long Failures { get; private set; }

    /// <summary>Duration of the last run in nanoseconds (monotonic).</summary>
    public long LastRunNs { get; private set; }

    /// <summary>The inputs by model name (features and recurrent states).</summary>
    public IReadOnlyDictionary<string, HostTensor> Inputs => _inputs;

    /// <summary>The outputs the manifest names, by model name.</summary>
    public IReadOnlyDictionary<string, HostTensor> Outputs => _outputs;

    /// <summary>Loads, validates against the model's signature, preallocates, binds and warms up.</summary>
    /// <exception cref="ManifestException">When the model cannot be loaded or does not fit the manifest.</exception>
    /// <exception cref="InvalidOperationException">When the requested execution provider is not available.</exception>
    public static ModelHost Create(ModelManifest manifest, HostOptions? options = null) => new(manifest, options ?? new HostOptions());

    /// <summary>
    /// One inference over the bound inputs. Allocation-free when it succeeds; a deadline miss or an ORT error
    /// is returned (ORT reports both by an exception, which this catches and counts).
    /// </summary>
    public InferenceStatus Run()
    {
        Calls++;
        long start = Stopwatch.GetTimestamp();
        if (_watchdog is not null) _watchdog.Arm(_deadlineNs);
        bool failed = false;
        try { _session.RunWithBinding(_runOptions, _binding); }
        catch (OnnxRuntimeException) { failed = true; }
        bool fired = _watchdog is not null && _watchdog.Disarm();
        LastRunNs = (long)((Stopwatch.GetTimestamp() - start) * (1e9 / Stopwatch.Frequency));
        if (fired) { DeadlineMisses++; return InferenceStatus.DeadlineMissed; }
        if (failed) { Failures++; return InferenceStatus.Failed; }
        foreach (var (from, to) in _recurrent) from.Floats.CopyTo(to.Floats);
        return InferenceStatus.Ok;
    }

    /// <summary>Zeroes the recurrent state tensors (episode start).</summary>
    public void ResetRecurrentState()
    {
        foreach (var (_, to) in _recurrent) to.Floats.Clear();
    }

    /// <summary>Releases the session, binding, tensors and watchdog.</summary>
    public void Dispose()
    {
        _watchdog?.Dispose();
        _binding?.Dispose();
        foreach (var t in _inputs.Values) t.Dispose();
        foreach (var t in _outputs.Values) t.Dispose();
        _runOptions.Dispose();
        _session?.Dispose();
    }

    /// <summary>Which execution providers this ONNX Runtime build offers (e.g. CPUExecutionProvider).</summary>
    public static IReadOnlyList<string> AvailableProviders() => OrtEnv.Instance().GetAvailableProviders();

    private static SessionOptions CreateSessionOptions(HostOptions o)
    {
        if (o.IntraOpThreads < 1 || o.IntraOpThreads > 256)
            throw new ArgumentOutOfRangeException(nameof(o), o.IntraOpThreads, $"IntraOpThreads must be between 1 and 256; it is {o.IntraOpThreads}.");
        if (o.DeadlineNs < 0) throw new ArgumentOutOfRangeException(nameof(o), o.DeadlineNs, $"DeadlineNs must be >= 0 (0 = none); it is {o.DeadlineNs}.");
        var s = new SessionOptions
        {
            GraphOptimizationLevel = o.GraphOptimization,
            IntraOpNumThreads = o.IntraOpThreads,
            InterOpNumThreads = 1,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
        };
        s.AddSessionConfigEntry("session.intra_op.allow_spinning", o.AllowSpinning ? "1" : "0");
        s.AddSessionConfigEntry("session.inter_op.allow_spinning", o.AllowSpinning ? "1" : "0");
        if (o.Provider == ExecutionProvider.Cuda)
        {
            if (!AvailableProviders().Contains("CUDAExecutionProvider"))
            {
                s.Dispose();
                throw new InvalidOperationException(
                    "The CUDA execution provider is not available: this ONNX Runtime build offers " +
                    $"{string.Join(", ", AvailableProviders())}. Reference Microsoft.ML.OnnxRuntime.Gpu (Linux x64) and install the CUDA 12 and cuDNN 9 runtimes, or use Provider = Cpu.");
            }
            try { s.AppendExecutionProvider_CUDA(0); }
            catch (OnnxRuntimeException e)
            {
                s.Dispose();
                throw new InvalidOperationException($"The CUDA execution provider failed to start (no GPU, or a driver/CUDA mismatch): {e.Message}", e);
            }
        }
        return s;
    }
}
