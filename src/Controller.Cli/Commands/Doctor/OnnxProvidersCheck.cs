namespace Controller.Cli.Commands.Doctor;

/// <summary>The ONNX Runtime execution providers this build can use (the brain runs on CPU; CUDA is an option).</summary>
public static class OnnxProvidersCheck
{
    /// <summary>Judges the provider list (<c>OrtEnv.Instance().GetAvailableProviders()</c>); null: ONNX Runtime did not load, with the reason.</summary>
    public static DoctorFinding Assess(IReadOnlyList<string>? providers, string? loadError = null)
    {
        if (providers is null)
            return new DoctorFinding("onnxruntime providers", DoctorStatus.Fail, $"ONNX Runtime did not load: {loadError}", "install the native onnxruntime library for this platform (restore Microsoft.ML.OnnxRuntime)");
        if (!providers.Contains("CPUExecutionProvider"))
            return new DoctorFinding("onnxruntime providers", DoctorStatus.Fail, $"no CPUExecutionProvider ({string.Join(", ", providers)})", "use an ONNX Runtime build with the CPU provider");
        // CPU is what the brain uses by default; a missing GPU provider is worth knowing, not a problem.
        string gpu = providers.Contains("CUDAExecutionProvider") ? "" : " (no CUDA: reference Microsoft.ML.OnnxRuntime.Gpu for GPU inference)";
        return new DoctorFinding("onnxruntime providers", DoctorStatus.Ok, string.Join(", ", providers) + gpu);
    }
}
