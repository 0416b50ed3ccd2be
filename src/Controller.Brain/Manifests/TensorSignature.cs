namespace Controller.Brain.Manifests;

/// <summary>One input or output as the ONNX model declares it.</summary>
/// <param name="Type">Element type, or null when the brain does not support it.</param>
/// <param name="TypeName">The element type as ONNX Runtime names it (for messages).</param>
/// <param name="Dimensions">Dimensions; -1 for a symbolic (free) one.</param>
public sealed record TensorSignature(TensorType? Type, string TypeName, long[] Dimensions)
{
    /// <summary>"float32 [1, 14]"-style text for messages.</summary>
    public override string ToString() => $"{TypeName} [{string.Join(", ", Dimensions.Select(d => d < 0 ? "?" : d.ToString(System.Globalization.CultureInfo.InvariantCulture)))}]";
}
