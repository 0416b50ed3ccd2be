namespace Controller.Brain.Hosting;

/// <summary>Where ONNX Runtime executes the graph.</summary>
public enum ExecutionProvider
{
    /// <summary>The CPU provider (always present).</summary>
    Cpu,

    /// <summary>NVIDIA CUDA: needs the Microsoft.ML.OnnxRuntime.Gpu package and a CUDA runtime; refused with a clear message otherwise.</summary>
    Cuda,
}
