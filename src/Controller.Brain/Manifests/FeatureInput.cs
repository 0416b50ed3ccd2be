namespace Controller.Brain.Manifests;

/// <summary>One model input fed from a named LeRobot feature.</summary>
/// <param name="Feature">The feature, e.g. <c>observation.state</c>, <c>observation.images.top</c>, <c>task</c>.</param>
/// <param name="Kind">The feature family.</param>
/// <param name="Tensor">The ONNX model's input name.</param>
/// <param name="Shape">The tensor's shape, batch first.</param>
/// <param name="Type">Element type.</param>
/// <param name="Normalization">Scaling applied with the feature's statistics.</param>
/// <param name="Image">Image preprocessing; only for image features.</param>
/// <param name="YamlPath">Where in the manifest it was declared (for messages).</param>
public sealed record FeatureInput(string Feature, FeatureKind Kind, string Tensor, long[] Shape, TensorType Type,
    NormalizationMode Normalization, ImageInput? Image, string YamlPath)
{
    /// <summary>Elements in the tensor.</summary>
    public long ElementCount => Shape.Aggregate(1L, (a, d) => a * d);
}
