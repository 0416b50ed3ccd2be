namespace Controller.Brain.Onnx;

/// <summary>A handle on a named value inside an <see cref="OnnxGraphBuilder"/> (an input, weight or node output).</summary>
/// <param name="Name">The value's name in the graph.</param>
public readonly record struct OnnxValue(string Name)
{
    /// <inheritdoc/>
    public override string ToString() => Name;
}
