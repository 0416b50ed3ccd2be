namespace Controller.Brain.Hosting;

/// <summary>Result of writing one feature into the model's input tensors.</summary>
public enum AssemblyStatus
{
    /// <summary>Written.</summary>
    Ok,

    /// <summary>The manifest has no input for this feature.</summary>
    UnknownFeature,

    /// <summary>The source does not fit (joint count, frame smaller than the crop, channel count).</summary>
    ShapeMismatch,

    /// <summary>A value was NaN or infinite; the tensor was not changed.</summary>
    NotFinite,
}
