namespace Controller.Brain.Hosting;

/// <summary>Result of one <see cref="ModelHost.Run"/>; the outputs are valid only after <see cref="Ok"/>.</summary>
public enum InferenceStatus
{
    /// <summary>Outputs written.</summary>
    Ok,

    /// <summary>The run passed its deadline and was terminated (or finished too late); outputs are not to be used.</summary>
    DeadlineMissed,

    /// <summary>ONNX Runtime reported an error; outputs are not to be used. The host may need a reload.</summary>
    Failed,
}
