using Microsoft.ML.OnnxRuntime;

namespace Controller.Brain.Hosting;

/// <summary>How a <see cref="ModelHost"/> configures ONNX Runtime. Defaults suit a brain thread beside a 1 kHz loop.</summary>
public sealed record HostOptions
{
    /// <summary>
    /// Graph optimisation (constant folding, node fusion). <see cref="GraphOptimizationLevel.ORT_ENABLE_ALL"/> by default:
    /// it costs load time once, never per inference.
    /// </summary>
    public GraphOptimizationLevel GraphOptimization { get; init; } = GraphOptimizationLevel.ORT_ENABLE_ALL;

    /// <summary>
    /// Threads ORT may use inside one operator. 1 by default: the calling (brain) thread does the work and no
    /// pool thread competes with the loop's core. Raise it for large models on machines with spare cores.
    /// </summary>
    public int IntraOpThreads { get; init; } = 1;

    /// <summary>
    /// When false (default) ORT's pool threads sleep between operators instead of spinning
    /// (<c>session.intra_op.allow_spinning = 0</c>), so they do not steal the loop's core.
    /// </summary>
    public bool AllowSpinning { get; init; }

    /// <summary>CPU (default) or CUDA.</summary>
    public ExecutionProvider Provider { get; init; } = ExecutionProvider.Cpu;

    /// <summary>Per-inference deadline in nanoseconds; 0 disables it. A run past it is terminated and counted as a miss.</summary>
    public long DeadlineNs { get; init; }

    /// <summary>Warm-up runs at creation (first runs allocate ORT's arenas and pick kernels).</summary>
    public int WarmUpRuns { get; init; } = 2;
}
